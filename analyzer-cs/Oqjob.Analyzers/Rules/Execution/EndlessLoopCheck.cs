using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.Execution
{
    /// <summary>
    /// OQJ4005: a loop in the execution whose condition never becomes false: no condition, a
    /// constant true, or a wait for a cancellation that no code requests. The loop is reported
    /// when its body has no break of that loop, return, yield, throw or goto out of it.
    /// </summary>
    internal static class EndlessLoopCheck
    {
        private const string IsCancellationRequestedName = "IsCancellationRequested";

        public static void Check(ExecutionReporter reporter)
        {
            foreach (var (body, operation) in reporter.Model.ExecutionOperations())
            {
                if (!(operation is ILoopOperation loop))
                {
                    continue;
                }

                var description = DescribeEndlessCondition(loop, reporter);
                if (description == null || HasExit(loop))
                {
                    continue;
                }

                var keyword = loop.Syntax.GetFirstToken().GetLocation();
                reporter.Report(Descriptors.EndlessLoop, keyword, body.Member, description, ExecutionReporter.MemberName(body.Member));
            }
        }

        private static string? DescribeEndlessCondition(ILoopOperation loop, ExecutionReporter reporter)
        {
            IOperation? condition;
            switch (loop)
            {
                case IWhileLoopOperation whileLoop:
                    condition = whileLoop.Condition;
                    if (condition != null && whileLoop.ConditionIsUntil)
                    {
                        // C# has no until loops, and the analyzer only registers for C#.
                        return null;
                    }

                    break;
                case IForLoopOperation forLoop:
                    condition = forLoop.Condition;
                    break;
                default:
                    // foreach ends with its collection.
                    return null;
            }

            if (condition == null)
            {
                return "a loop with no condition";
            }

            if (IsConstantTrue(condition))
            {
                return "a loop whose condition is always true";
            }

            return UntilCancellation(condition, reporter) ? "a loop until cancellation" : null;
        }

        private static bool IsConstantTrue(IOperation condition)
        {
            return condition.ConstantValue.HasValue && condition.ConstantValue.Value is true;
        }

        /// <summary>
        /// True when the condition stays true until IsCancellationRequested of a CancellationToken
        /// or CancellationTokenSource turns true: <c>!token.IsCancellationRequested</c>, a
        /// comparison of it with false, <c>is { IsCancellationRequested: false }</c>, and
        /// combinations with constants. ExecuteJob receives no token, so such a loop runs until
        /// the host shuts down. A condition that also tests something else, such as a counter,
        /// can become false and is not reported.
        /// </summary>
        private static bool UntilCancellation(IOperation condition, ExecutionReporter reporter)
        {
            var unwrapped = Unwrap(condition);
            switch (unwrapped)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return IsCancellationRequested(not.Operand, reporter);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return NeverFalse(and.LeftOperand, reporter) && NeverFalse(and.RightOperand, reporter);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return NeverFalse(or.LeftOperand, reporter) || NeverFalse(or.RightOperand, reporter);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    return ComparesWith(equals, false, reporter);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } notEquals:
                    return ComparesWith(notEquals, true, reporter);

                case IIsPatternOperation isPattern:
                    return MatchesNotCancelled(isPattern.Pattern, reporter);

                default:
                    return false;
            }
        }

        private static bool NeverFalse(IOperation condition, ExecutionReporter reporter)
        {
            return IsConstantTrue(condition) || UntilCancellation(condition, reporter);
        }

        private static bool ComparesWith(IBinaryOperation comparison, bool constant, ExecutionReporter reporter)
        {
            return (IsCancellationRequested(comparison.LeftOperand, reporter) && IsConstant(comparison.RightOperand, constant))
                || (IsCancellationRequested(comparison.RightOperand, reporter) && IsConstant(comparison.LeftOperand, constant));
        }

        private static bool IsConstant(IOperation operation, bool value)
        {
            return operation.ConstantValue.HasValue && operation.ConstantValue.Value is bool constant && constant == value;
        }

        /// <summary>True for a property pattern whose only check is IsCancellationRequested: false.</summary>
        private static bool MatchesNotCancelled(IPatternOperation pattern, ExecutionReporter reporter)
        {
            if (!(pattern is IRecursivePatternOperation recursive) || recursive.PropertySubpatterns.Length != 1 || recursive.DeconstructionSubpatterns.Length > 0)
            {
                return false;
            }

            var subpattern = recursive.PropertySubpatterns[0];
            return subpattern.Member is IPropertyReferenceOperation reference
                && IsCancellationProperty(reference.Property, reporter)
                && subpattern.Pattern is IConstantPatternOperation constant
                && IsConstant(constant.Value, false);
        }

        private static bool IsCancellationRequested(IOperation operation, ExecutionReporter reporter)
        {
            return Unwrap(operation) is IPropertyReferenceOperation reference && IsCancellationProperty(reference.Property, reporter);
        }

        private static bool IsCancellationProperty(IPropertySymbol property, ExecutionReporter reporter)
        {
            return property.Name == IsCancellationRequestedName
                && (ExecutionSymbols.Is(property.ContainingType, reporter.KnownTypes.CancellationToken)
                    || ExecutionSymbols.Is(property.ContainingType, reporter.Symbols.CancellationTokenSource));
        }

        private static IOperation Unwrap(IOperation operation)
        {
            var current = operation;
            while (current is IConversionOperation conversion)
            {
                current = conversion.Operand;
            }

            return current;
        }

        /// <summary>
        /// True when the loop body can leave the loop: a break that targets this loop (not a
        /// nested loop or switch), a return or throw, or a goto to a label outside the loop.
        /// Code inside lambdas and local functions does not leave the loop.
        /// </summary>
        private static bool HasExit(ILoopOperation loop)
        {
            var inside = OperationsOutsideNestedFunctions(loop.Body).ToList();
            var labelsInside = new HashSet<ILabelSymbol>(
                inside.OfType<ILabeledOperation>().Select(labeled => labeled.Label),
                SymbolEqualityComparer.Default);

            foreach (var operation in inside)
            {
                switch (operation)
                {
                    case IReturnOperation _:
                    case IThrowOperation _:
                        return true;
                    case IBranchOperation { BranchKind: BranchKind.Break } branch
                        when SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel):
                        return true;
                    case IBranchOperation { BranchKind: BranchKind.GoTo } jump when !labelsInside.Contains(jump.Target):
                        return true;
                }
            }

            return false;
        }

        private static IEnumerable<IOperation> OperationsOutsideNestedFunctions(IOperation root)
        {
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                yield return current;
                foreach (var child in current.ChildOperations)
                {
                    if (!(child is IAnonymousFunctionOperation) && !(child is ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }
    }
}
