using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs.Tenants
{
    /// <summary>
    /// Follows the result of IAliasRepository.GetAliases() through the job's bodies and decides
    /// whether it is filtered by the current tenant: a lambda or condition along the way compares
    /// Alias.TenantId with a value that ITenantManager returns for the current tenant.
    /// </summary>
    internal sealed class AliasTenantFilter
    {
        // Locals and parameters are followed through at most this many steps, which ends cycles
        // such as "a = b; b = a;" and recursive helpers.
        private const int MaxDepth = 4;

        private readonly TenantSymbols symbols;
        private readonly JobModel model;

        public AliasTenantFilter(TenantSymbols symbols, JobModel model)
        {
            this.symbols = symbols;
            this.model = model;
        }

        /// <summary>
        /// Returns true when the flow of the value reaches a tenant filter. The value is followed
        /// as the receiver of LINQ and instance calls, into a local it initializes or is assigned
        /// to, into a foreach over it, and into the parameter of a job method it is passed to.
        /// Anything else ends the flow: a return, a field, an argument of a method of another type.
        /// </summary>
        public bool IsFiltered(MemberBody body, IOperation aliases)
        {
            var pending = new Stack<(MemberBody Body, IOperation Value)>();
            var followed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            pending.Push((body, aliases));
            while (pending.Count > 0)
            {
                var (currentBody, popped) = pending.Pop();
                var value = OutermostImplicitConversion(popped);
                switch (value.Parent)
                {
                    case IArgumentOperation { Parameter: { Ordinal: 0 } } argument
                        when argument.Parent is IInvocationOperation extensionCall && extensionCall.TargetMethod.IsExtensionMethod:
                        if (ArgumentsFilter(currentBody, extensionCall))
                        {
                            return true;
                        }

                        pending.Push((currentBody, extensionCall));
                        break;

                    case IArgumentOperation { Parameter: { } parameter } argument
                        when argument.Parent is IInvocationOperation helperCall:
                        PushParameterReferences(helperCall, parameter.Ordinal, pending, followed);
                        break;

                    case IInvocationOperation instanceCall when instanceCall.Instance == value:
                        if (ArgumentsFilter(currentBody, instanceCall))
                        {
                            return true;
                        }

                        pending.Push((currentBody, instanceCall));
                        break;

                    case ITranslatedQueryOperation query:
                        pending.Push((currentBody, query));
                        break;

                    case IPropertyReferenceOperation property when IsAliasTenantId(property):
                        if (property.Parent is IBinaryOperation comparison && IsTenantComparison(currentBody, comparison))
                        {
                            return true;
                        }

                        break;

                    case IForEachLoopOperation loop when loop.Collection == value:
                        if (ContainsTenantComparison(currentBody, loop.Body))
                        {
                            return true;
                        }

                        break;

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        PushLocalReferences(currentBody, declarator.Symbol, pending, followed);
                        break;

                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == value:
                        PushLocalReferences(currentBody, local.Local, pending, followed);
                        break;

                    // NOTE: a filter given as a method group ("Where(IsCurrentTenant)") and a
                    // tenant id kept in a field are not recognized, so such a read is reported.
                }
            }

            return false;
        }

        private void PushLocalReferences(MemberBody body, ILocalSymbol local, Stack<(MemberBody, IOperation)> pending, HashSet<ISymbol> followed)
        {
            if (!followed.Add(local))
            {
                return;
            }

            foreach (var operation in body.Operations())
            {
                if (operation is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !IsAssignmentTarget(reference))
                {
                    pending.Push((body, reference));
                }
            }
        }

        /// <summary>Continues the flow in a method of the job at each use of the parameter that receives the value.</summary>
        private void PushParameterReferences(IInvocationOperation call, int ordinal, Stack<(MemberBody, IOperation)> pending, HashSet<ISymbol> followed)
        {
            var callee = model.ResolveCall(call.TargetMethod, call.Instance);
            if (callee == null || ordinal >= callee.Parameters.Length || !followed.Add(callee.Parameters[ordinal]))
            {
                return;
            }

            foreach (var calleeBody in BodiesOf(callee))
            {
                foreach (var operation in calleeBody.Operations())
                {
                    if (operation is IParameterReferenceOperation reference
                        && reference.Parameter.Ordinal == ordinal
                        && SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, calleeBody.Member)
                        && !IsAssignmentTarget(reference))
                    {
                        pending.Push((calleeBody, reference));
                    }
                }
            }
        }

        private IEnumerable<MemberBody> BodiesOf(IMethodSymbol method)
        {
            var implementation = method.PartialImplementationPart ?? method;
            foreach (var body in model.AllBodies)
            {
                if (SymbolEqualityComparer.Default.Equals(body.Member, implementation))
                {
                    yield return body;
                }
            }
        }

        private bool ArgumentsFilter(MemberBody body, IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (ContainsTenantComparison(body, argument.Value))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ContainsTenantComparison(MemberBody body, IOperation scope)
        {
            foreach (var operation in scope.DescendantsAndSelf())
            {
                if (operation is IBinaryOperation comparison && IsTenantComparison(body, comparison))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True for "alias.TenantId == current" or "!=" with either operand order.</summary>
        private bool IsTenantComparison(MemberBody body, IBinaryOperation comparison)
        {
            if (comparison.OperatorKind != BinaryOperatorKind.Equals && comparison.OperatorKind != BinaryOperatorKind.NotEquals)
            {
                return false;
            }

            var left = SkipConversions(comparison.LeftOperand);
            var right = SkipConversions(comparison.RightOperand);
            return (IsAliasTenantId(left) && IsCurrentTenantId(body, right, 0))
                || (IsAliasTenantId(right) && IsCurrentTenantId(body, left, 0));
        }

        private bool IsAliasTenantId(IOperation operation)
        {
            return operation is IPropertyReferenceOperation property
                && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, symbols.AliasTenantId);
        }

        /// <summary>
        /// True for GetTenantId(), GetTenant().TenantId, GetAlias().TenantId of ITenantManager,
        /// also through "?.", for a local that contains one of them, and for a parameter of a
        /// job method that every call in the job passes one of them.
        /// </summary>
        private bool IsCurrentTenantId(MemberBody body, IOperation operation, int depth)
        {
            operation = SkipConversions(operation);
            switch (operation)
            {
                case IInvocationOperation call:
                    return TenantSymbols.Calls(call.TargetMethod, call.Instance?.Type, symbols.GetTenantId);

                case IConditionalAccessOperation conditional:
                    return IsCurrentTenantId(body, conditional.WhenNotNull, depth);

                case IPropertyReferenceOperation property:
                    var definition = property.Property.OriginalDefinition;
                    if (SymbolEqualityComparer.Default.Equals(definition, symbols.TenantTenantId))
                    {
                        return IsResultOf(body, ReceiverOf(property), symbols.GetTenant, depth);
                    }

                    return SymbolEqualityComparer.Default.Equals(definition, symbols.AliasTenantId)
                        && IsResultOf(body, ReceiverOf(property), symbols.GetAlias, depth);

                case ILocalReferenceOperation local when depth < MaxDepth:
                    return AnyValueOf(body, local.Local, value => IsCurrentTenantId(body, value, depth + 1));

                case IParameterReferenceOperation parameter when depth < MaxDepth:
                    return EveryCallPasses(parameter.Parameter, (callerBody, value) => IsCurrentTenantId(callerBody, value, depth + 1));

                default:
                    return false;
            }
        }

        /// <summary>True when the operation is a call of the tenant manager method, or a local or parameter containing its result.</summary>
        private bool IsResultOf(MemberBody body, IOperation? operation, IMethodSymbol? method, int depth)
        {
            operation = operation == null ? null : SkipConversions(operation);
            switch (operation)
            {
                case IInvocationOperation call:
                    return TenantSymbols.Calls(call.TargetMethod, call.Instance?.Type, method);

                case ILocalReferenceOperation local when depth < MaxDepth:
                    return AnyValueOf(body, local.Local, value => IsResultOf(body, value, method, depth + 1));

                case IParameterReferenceOperation parameter when depth < MaxDepth:
                    return EveryCallPasses(parameter.Parameter, (callerBody, value) => IsResultOf(callerBody, value, method, depth + 1));

                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the parameter belongs to a method of the job, the job calls that method at
        /// least once, and every call passes an argument that meets the predicate.
        /// </summary>
        private bool EveryCallPasses(IParameterSymbol parameter, System.Func<MemberBody, IOperation, bool> predicate)
        {
            if (!(parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method) || !model.IsMemberOfJob(method))
            {
                return false;
            }

            var definition = (method.PartialDefinitionPart ?? method).OriginalDefinition;
            var calls = 0;
            foreach (var (callerBody, operation) in model.AllOperations())
            {
                if (!(operation is IInvocationOperation call)
                    || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, definition))
                {
                    continue;
                }

                calls++;
                var argument = FindArgument(call, parameter.Ordinal);
                if (argument == null || argument.IsImplicit || !predicate(callerBody, argument.Value))
                {
                    return false;
                }
            }

            return calls > 0;
        }

        private static IArgumentOperation? FindArgument(IInvocationOperation call, int ordinal)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
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

        private static bool AnyValueOf(MemberBody body, ILocalSymbol local, System.Func<IOperation, bool> predicate)
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
