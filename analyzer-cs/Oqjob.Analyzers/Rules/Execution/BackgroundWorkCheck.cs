using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.Execution
{
    /// <summary>
    /// OQJ4004: work that the job starts and does not await, anywhere in the job (execution,
    /// constructor, other members): thread-pool and thread starts, callback timers, discarded
    /// tasks and async void methods or lambdas.
    /// </summary>
    internal static class BackgroundWorkCheck
    {
        public static void Check(ExecutionReporter reporter)
        {
            foreach (var type in reporter.Model.Chain)
            {
                foreach (var member in type.OriginalDefinition.GetMembers())
                {
                    if (member is IMethodSymbol method && IsAsyncVoid(method) && !method.IsImplicitlyDeclared)
                    {
                        reporter.Report(Descriptors.BackgroundWork, method.Locations[0], method, "the async void method '" + method.Name + "'");
                    }
                }
            }

            foreach (var (body, operation) in reporter.Model.AllOperations())
            {
                var (description, location) = Describe(operation, reporter);
                if (description != null)
                {
                    reporter.Report(Descriptors.BackgroundWork, location ?? operation.Syntax.GetLocation(), body.Member, description);
                }
            }
        }

        private static (string? Description, Location? Location) Describe(IOperation operation, ExecutionReporter reporter)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when !IsAwaitedTaskRun(invocation, reporter):
                    return (DescribeStart(invocation.TargetMethod, reporter), null);

                case IObjectCreationOperation creation:
                    return (DescribeCreation(creation.Type, reporter), null);

                case IExpressionStatementOperation statement:
                    return DescribeDiscardedTask(statement.Operation, reporter);

                case ISimpleAssignmentOperation { Target: IDiscardOperation _ } assignment:
                    return DescribeDiscardedTask(assignment.Value, reporter);

                case ILocalFunctionOperation localFunction when IsAsyncVoid(localFunction.Symbol):
                    return ("the async void local function '" + localFunction.Symbol.Name + "'", localFunction.Symbol.Locations[0]);

                case IAnonymousFunctionOperation lambda when IsAsyncVoid(lambda.Symbol):
                    return ("an async void lambda", AsyncKeyword(lambda.Syntax));

                default:
                    return (null, null);
            }
        }

        /// <summary>Describes a call that hands work to the thread pool or a new thread, or returns null.</summary>
        public static string? DescribeStart(IMethodSymbol method, ExecutionReporter reporter)
        {
            var containingType = method.ContainingType;
            if (method.Name == "Run" && ExecutionSymbols.Is(containingType, reporter.KnownTypes.Task))
            {
                return "Task.Run";
            }

            if (method.Name == "StartNew"
                && (ExecutionSymbols.Is(containingType, reporter.Symbols.TaskFactory) || ExecutionSymbols.Is(containingType, reporter.Symbols.TaskFactoryOfT)))
            {
                return "TaskFactory.StartNew";
            }

            if ((method.Name == "QueueUserWorkItem" || method.Name == "UnsafeQueueUserWorkItem")
                && ExecutionSymbols.Is(containingType, reporter.Symbols.ThreadPool))
            {
                return "ThreadPool." + method.Name;
            }

            return null;
        }

        /// <summary>
        /// Describes a new thread or a callback timer. A timer also gets OQJ1003; inside a job it
        /// gets this rule as well, because its callbacks run outside the execution.
        /// PeriodicTimer calls nothing back and is left to OQJ1003.
        /// </summary>
        private static string? DescribeCreation(ITypeSymbol? type, ExecutionReporter reporter)
        {
            if (ExecutionSymbols.Is(type, reporter.KnownTypes.Thread))
            {
                return "a new Thread";
            }

            if (ExecutionSymbols.Is(type, reporter.KnownTypes.ThreadingTimer) || ExecutionSymbols.Is(type, reporter.KnownTypes.TimersTimer))
            {
                return "a " + type!.ToDisplayString();
            }

            return null;
        }

        /// <summary>
        /// True for <c>await Task.Run(...)</c>, with or without ConfigureAwait. The work ends
        /// before the execution goes on, so it is not background work. StartNew is not exempt,
        /// because with an async delegate its task completes before the delegate's work does.
        /// </summary>
        private static bool IsAwaitedTaskRun(IInvocationOperation invocation, ExecutionReporter reporter)
        {
            if (invocation.TargetMethod.Name != "Run" || !ExecutionSymbols.Is(invocation.TargetMethod.ContainingType, reporter.KnownTypes.Task))
            {
                return false;
            }

            var parent = invocation.Parent;
            while (parent is IConversionOperation || IsConfigureAwait(parent))
            {
                parent = parent!.Parent;
            }

            return parent is IAwaitOperation;
        }

        private static bool IsConfigureAwait(IOperation? operation)
        {
            return operation is IInvocationOperation { TargetMethod: { Name: "ConfigureAwait" } };
        }

        /// <summary>Describes a task-returning call whose task is dropped, unless the call is already reported as a start.</summary>
        private static (string? Description, Location? Location) DescribeDiscardedTask(IOperation value, ExecutionReporter reporter)
        {
            var unwrapped = value;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            if (!(unwrapped is IInvocationOperation invocation)
                || !reporter.Symbols.IsTaskLike(invocation.Type, reporter.KnownTypes)
                || DescribeStart(invocation.TargetMethod, reporter) != null)
            {
                return (null, null);
            }

            return ("the un-awaited call '" + invocation.TargetMethod.Name + "'", invocation.Syntax.GetLocation());
        }

        private static bool IsAsyncVoid(IMethodSymbol? method)
        {
            return method != null && method.IsAsync && method.ReturnsVoid;
        }

        private static Location AsyncKeyword(SyntaxNode lambda)
        {
            return lambda is AnonymousFunctionExpressionSyntax function && function.AsyncKeyword.RawKind != 0
                ? function.AsyncKeyword.GetLocation()
                : lambda.GetLocation();
        }
    }
}
