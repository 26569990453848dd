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
        private const string IsCancellationRequested = "IsCancellationRequested";

        public static void Check(JobReporter reporter)
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
                reporter.Report(Descriptors.EndlessLoop, keyword, body.Member, description, JobReporter.MemberName(body.Member));
            }
        }

        private static string? DescribeEndlessCondition(ILoopOperation loop, JobReporter reporter)
        {
            IOperation? condition;
            switch (loop)
            {
                case IWhileLoopOperation whileLoop:
                    condition = whileLoop.Condition;
                    if (condition != null && whileLoop.ConditionIsUntil)
                    {
                        // C# has no until loops; other languages' operation trees are not analyzed.
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

            if (condition.ConstantValue.HasValue && condition.ConstantValue.Value is true)
            {
                return "a loop whose condition is always true";
            }

            return WaitsForCancellation(condition, reporter) ? "a loop until cancellation" : null;
        }

        /// <summary>
        /// True when the condition reads IsCancellationRequested of a CancellationToken or
        /// CancellationTokenSource. ExecuteJob receives no token, so such a loop runs until
        /// the host shuts down.
        /// </summary>
        private static bool WaitsForCancellation(IOperation condition, JobReporter reporter)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is IPropertyReferenceOperation reference
                    && reference.Property.Name == IsCancellationRequested
                    && (ExecutionSymbols.Is(reference.Property.ContainingType, reporter.KnownTypes.CancellationToken)
                        || ExecutionSymbols.Is(reference.Property.ContainingType, reporter.Symbols.CancellationTokenSource)))
                {
                    return true;
                }
            }

            return false;
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
