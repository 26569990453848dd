using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Follows the result of IAliasRepository.GetAliases() within one body and decides whether
    /// it is filtered by the current tenant: a lambda or condition along the way compares
    /// Alias.TenantId with a value that ITenantManager returns for the current tenant.
    /// </summary>
    internal sealed class AliasTenantFilter
    {
        // Locals are followed through at most this many assignments, which ends cycles such as "a = b; b = a;".
        private const int MaxLocalDepth = 4;

        private readonly TenantSymbols symbols;
        private readonly MemberBody body;

        public AliasTenantFilter(TenantSymbols symbols, MemberBody body)
        {
            this.symbols = symbols;
            this.body = body;
        }

        /// <summary>
        /// Returns true when the flow of the value reaches a tenant filter. The value is followed
        /// as the receiver of LINQ and instance calls, into a local it initializes or is assigned
        /// to, and into a foreach over it. Anything else ends the flow: a return, a field, an
        /// argument of another method.
        /// </summary>
        public bool IsFiltered(IOperation aliases)
        {
            var pending = new Stack<IOperation>();
            var followedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            pending.Push(aliases);
            while (pending.Count > 0)
            {
                var value = OutermostImplicitConversion(pending.Pop());
                switch (value.Parent)
                {
                    case IArgumentOperation { Parameter: { Ordinal: 0 } } argument
                        when argument.Parent is IInvocationOperation extensionCall && extensionCall.TargetMethod.IsExtensionMethod:
                        if (ArgumentsFilter(extensionCall))
                        {
                            return true;
                        }

                        pending.Push(extensionCall);
                        break;

                    case IInvocationOperation instanceCall when instanceCall.Instance == value:
                        if (ArgumentsFilter(instanceCall))
                        {
                            return true;
                        }

                        pending.Push(instanceCall);
                        break;

                    case ITranslatedQueryOperation query:
                        pending.Push(query);
                        break;

                    case IPropertyReferenceOperation property when IsAliasTenantId(property):
                        if (property.Parent is IBinaryOperation comparison && IsTenantComparison(comparison))
                        {
                            return true;
                        }

                        break;

                    case IForEachLoopOperation loop when loop.Collection == value:
                        if (ContainsTenantComparison(loop.Body))
                        {
                            return true;
                        }

                        break;

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        PushReferences(declarator.Symbol, pending, followedLocals);
                        break;

                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == value:
                        PushReferences(local.Local, pending, followedLocals);
                        break;

                    // NOTE: a result passed to a helper method, a filter given as a method group
                    // and a tenant id that arrives as a parameter are not followed, so such a
                    // read is reported even when the helper filters it.
                }
            }

            return false;
        }

        private void PushReferences(ILocalSymbol local, Stack<IOperation> pending, HashSet<ILocalSymbol> followedLocals)
        {
            if (!followedLocals.Add(local))
            {
                return;
            }

            foreach (var operation in body.Operations())
            {
                if (operation is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !IsAssignmentTarget(reference))
                {
                    pending.Push(reference);
                }
            }
        }

        private bool ArgumentsFilter(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (ContainsTenantComparison(argument.Value))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ContainsTenantComparison(IOperation scope)
        {
            foreach (var operation in scope.DescendantsAndSelf())
            {
                if (operation is IBinaryOperation comparison && IsTenantComparison(comparison))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True for "alias.TenantId == current" or "!=" with either operand order.</summary>
        private bool IsTenantComparison(IBinaryOperation comparison)
        {
            if (comparison.OperatorKind != BinaryOperatorKind.Equals && comparison.OperatorKind != BinaryOperatorKind.NotEquals)
            {
                return false;
            }

            var left = SkipConversions(comparison.LeftOperand);
            var right = SkipConversions(comparison.RightOperand);
            return (IsAliasTenantId(left) && IsCurrentTenantId(right, 0))
                || (IsAliasTenantId(right) && IsCurrentTenantId(left, 0));
        }

        private bool IsAliasTenantId(IOperation operation)
        {
            return operation is IPropertyReferenceOperation property
                && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, symbols.AliasTenantId);
        }

        /// <summary>
        /// True for GetTenantId(), GetTenant().TenantId, GetAlias().TenantId of ITenantManager,
        /// also through "?.", or a local that contains one of them.
        /// </summary>
        private bool IsCurrentTenantId(IOperation operation, int depth)
        {
            operation = SkipConversions(operation);
            switch (operation)
            {
                case IInvocationOperation call:
                    return TenantSymbols.Calls(call.TargetMethod, call.Instance?.Type, symbols.GetTenantId);

                case IConditionalAccessOperation conditional:
                    return IsCurrentTenantId(conditional.WhenNotNull, depth);

                case IPropertyReferenceOperation property:
                    var definition = property.Property.OriginalDefinition;
                    if (SymbolEqualityComparer.Default.Equals(definition, symbols.TenantTenantId))
                    {
                        return IsResultOf(ReceiverOf(property), symbols.GetTenant, depth);
                    }

                    return SymbolEqualityComparer.Default.Equals(definition, symbols.AliasTenantId)
                        && IsResultOf(ReceiverOf(property), symbols.GetAlias, depth);

                case ILocalReferenceOperation local when depth < MaxLocalDepth:
                    return AnyValueOf(local.Local, value => IsCurrentTenantId(value, depth + 1));

                default:
                    return false;
            }
        }

        /// <summary>True when the operation is a call of the tenant manager method, or a local holding its result.</summary>
        private bool IsResultOf(IOperation? operation, IMethodSymbol? method, int depth)
        {
            operation = operation == null ? null : SkipConversions(operation);
            switch (operation)
            {
                case IInvocationOperation call:
                    return TenantSymbols.Calls(call.TargetMethod, call.Instance?.Type, method);

                case ILocalReferenceOperation local when depth < MaxLocalDepth:
                    return AnyValueOf(local.Local, value => IsResultOf(value, method, depth + 1));

                default:
                    return false;
            }
        }

        /// <summary>Returns the receiver of a member access, resolving the receiver of "?." to the expression before it.</summary>
        private static IOperation? ReceiverOf(IPropertyReferenceOperation property)
        {
            if (!(property.Instance is IConditionalAccessInstanceOperation))
            {
                return property.Instance;
            }

            for (var current = property.Parent; current != null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation conditional)
                {
                    return conditional.Operation;
                }
            }

            return null;
        }

        private bool AnyValueOf(ILocalSymbol local, System.Func<IOperation, bool> predicate)
        {
            foreach (var operation in body.Operations())
            {
                IOperation? value = null;
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    value = declarator.Initializer?.Value;
                }
                else if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    value = assignment.Value;
                }

                if (value != null && predicate(value))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAssignmentTarget(IOperation reference)
        {
            return reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
        }

        private static IOperation OutermostImplicitConversion(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                current = conversion;
            }

            return current;
        }

        private static IOperation SkipConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
