using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.ErrorsAndOutput
{
    /// <summary>What the values returned by a method can be, as flags combined over its return paths.</summary>
    [Flags]
    internal enum OutputKinds
    {
        None = 0,
        EmptyString = 1,
        Null = 2,

        /// <summary>The path throws instead of returning a value.</summary>
        Throws = 4,

        /// <summary>Anything the code does not show to be empty.</summary>
        Other = 8,
    }

    /// <summary>
    /// Classifies the string (or the Task result) that a method of the job returns. Empty
    /// values are constant empty strings and null, with string.Empty, constants from other
    /// classes and constant folding included. They pass through Task.FromResult, awaits,
    /// conditionals, switch expressions, locals that are only ever assigned empty values, and
    /// calls to methods of the job that return only empty values. The base HostedServiceBase
    /// implementations return an empty string.
    /// </summary>
    internal sealed class EmptyOutput
    {
        private readonly JobReport report;
        private readonly HashSet<ISymbol> methodsInProgress = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> localsInProgress = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        public EmptyOutput(JobReport report)
        {
            this.report = report;
        }

        /// <summary>Combines the kinds of every value that the method's source bodies return.</summary>
        public OutputKinds OfMethod(IMethodSymbol method)
        {
            var definition = method.OriginalDefinition;
            if (IsHostedServiceBaseExecute(definition))
            {
                return OutputKinds.EmptyString;
            }

            if (!report.Model.IsMemberOfJob(definition) || !methodsInProgress.Add(definition))
            {
                return OutputKinds.Other;
            }

            var bodies = report.Model.AllBodies.Where(body => SymbolEqualityComparer.Default.Equals(body.Member, ImplementationOf(definition))).ToList();
            var kinds = bodies.Count == 0 ? OutputKinds.Other : OutputKinds.None;
            foreach (var body in bodies)
            {
                foreach (var returned in ReturnedValues(body.Root))
                {
                    kinds |= OfValue(returned, body.Root);
                }
            }

            methodsInProgress.Remove(definition);
            return kinds;
        }

        private OutputKinds OfValue(IOperation? value, IOperation root)
        {
            value = Unwrap(value);
            if (value == null)
            {
                return OutputKinds.Other;
            }

            if (value.ConstantValue.HasValue)
            {
                return OfConstant(value.ConstantValue.Value);
            }

            switch (value)
            {
                case IThrowOperation _:
                    return OutputKinds.Throws;
                case IFieldReferenceOperation field when field.Field.ContainingType?.SpecialType == SpecialType.System_String && field.Field.Name == nameof(string.Empty):
                    return OutputKinds.EmptyString;
                case IAwaitOperation await:
                    return OfValue(await.Operation, root);
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return OfValue(conditional.WhenTrue, root) | OfValue(conditional.WhenFalse, root);
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Arms.Aggregate(OutputKinds.None, (kinds, arm) => kinds | OfValue(arm.Value, root));
                case ILocalReferenceOperation local:
                    return OfLocal(local.Local, root);
                case IInvocationOperation invocation:
                    return OfInvocation(invocation, root);
                default:
                    // NOTE: fields and properties are not followed, so an always empty field counts as output.
                    return OutputKinds.Other;
            }
        }

        private OutputKinds OfInvocation(IInvocationOperation invocation, IOperation root)
        {
            var target = invocation.TargetMethod;
            if (IsTaskFromResult(target) && invocation.Arguments.Length == 1)
            {
                return OfValue(invocation.Arguments[0].Value, root);
            }

            var resolved = report.Model.ResolveCall(target, invocation.Instance) ?? target;
            return OfMethod(resolved);
        }

        /// <summary>
        /// Combines the values written to a local. A compound assignment, a ref or out argument
        /// or a declaration expression makes it Other.
        /// </summary>
        private OutputKinds OfLocal(ILocalSymbol local, IOperation root)
        {
            if (!localsInProgress.Add(local))
            {
                return OutputKinds.None;
            }

            var kinds = OutputKinds.None;
            var declared = false;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        declared = IsDeclarationStatement(declarator);
                        kinds |= declarator.Initializer == null ? OutputKinds.None : OfValue(declarator.Initializer.Value, root);
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        kinds |= OfWrite(reference, root);
                        break;
                }
            }

            // Loop, catch and pattern variables get values that the code does not show.
            if (!declared)
            {
                kinds |= OutputKinds.Other;
            }

            localsInProgress.Remove(local);
            return kinds;
        }

        private OutputKinds OfWrite(ILocalReferenceOperation reference, IOperation root)
        {
            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    return OfValue(assignment.Value, root);
                case IAssignmentOperation assignment when assignment.Target == reference:
                    return OutputKinds.Other;
                case IArgumentOperation argument when argument.Parameter?.RefKind != RefKind.None && argument.Parameter?.RefKind != RefKind.In:
                    return OutputKinds.Other;
                case IDeclarationExpressionOperation _:
                    return OutputKinds.Other;
                default:
                    return OutputKinds.None;
            }
        }

        private static bool IsDeclarationStatement(IVariableDeclaratorOperation declarator)
        {
            return declarator.Parent is IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation };
        }

        private static OutputKinds OfConstant(object? value)
        {
            if (value == null)
            {
                return OutputKinds.Null;
            }

            return value is string text && text.Length == 0 ? OutputKinds.EmptyString : OutputKinds.Other;
        }

        /// <summary>Returns the values of the body's return statements, skipping those of lambdas and local functions.</summary>
        private static IEnumerable<IOperation?> ReturnedValues(IOperation root)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is IReturnOperation { Kind: OperationKind.Return } returnOperation && !ExceptionHandlers.IsInsideNestedFunction(returnOperation))
                {
                    yield return returnOperation.ReturnedValue;
                }
            }
        }

        private bool IsTaskFromResult(IMethodSymbol method)
        {
            return method.Name == nameof(System.Threading.Tasks.Task.FromResult)
                && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, report.Symbols.Task);
        }

        private bool IsHostedServiceBaseExecute(IMethodSymbol method)
        {
            return (method.Name == ExecuteOverrides.ExecuteJob || method.Name == ExecuteOverrides.ExecuteJobAsync)
                && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, report.KnownTypes.HostedServiceBase);
        }

        private static ISymbol ImplementationOf(IMethodSymbol method)
        {
            return method.PartialImplementationPart ?? (ISymbol)method;
        }

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation || operation is IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }
    }
}
