using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.Execution
{
    /// <summary>
    /// OQJ4007: ExecuteJob, or a member of the job that it reaches, waits synchronously for a
    /// task. Only reported where HostedServiceBase has ExecuteJobAsync (Oqtane 4.0.3 and
    /// later): before that, blocking is the only way to call async APIs from a job.
    /// </summary>
    internal static class BlockingCheck
    {
        private const string CompilerServicesNamespace = "System.Runtime.CompilerServices";

        public static void Check(ExecutionReporter reporter)
        {
            var executeJob = reporter.Model.ExecuteOverrides.FirstOrDefault(method => method.Name == ExecuteOverrides.ExecuteJob);
            if (executeJob == null || !HasExecuteJobAsync(reporter))
            {
                return;
            }

            foreach (var body in ExecutionReach.From(executeJob, reporter.Model))
            {
                foreach (var operation in body.Operations())
                {
                    var description = Describe(operation, reporter);
                    if (description != null)
                    {
                        reporter.Report(Descriptors.BlockingOnAsync, operation.Syntax.GetLocation(), body.Member, description, ExecutionReporter.MemberName(body.Member));
                    }
                }
            }
        }

        private static bool HasExecuteJobAsync(ExecutionReporter reporter)
        {
            return reporter.KnownTypes.HostedServiceBase!.GetMembers(ExecuteOverrides.ExecuteJobAsync).Any();
        }

        private static string? Describe(IOperation operation, ExecutionReporter reporter)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation reference when reference.Property.Name == "Result":
                    var owner = reference.Property.ContainingType;
                    return ExecutionSymbols.Is(owner, reporter.Symbols.TaskOfT) || ExecutionSymbols.Is(owner, reporter.Symbols.ValueTaskOfT)
                        ? owner.Name + ".Result"
                        : null;

                case IInvocationOperation invocation:
                    return DescribeCall(invocation.TargetMethod, reporter);

                default:
                    return null;
            }
        }

        private static string? DescribeCall(IMethodSymbol method, ExecutionReporter reporter)
        {
            var owner = method.ContainingType;
            if (ExecutionSymbols.Is(owner, reporter.KnownTypes.Task)
                && (method.Name == "Wait" || method.Name == "WaitAll" || method.Name == "WaitAny"))
            {
                return "Task." + method.Name;
            }

            return method.Name == "GetResult" && IsAwaiter(owner) ? "GetAwaiter().GetResult()" : null;
        }

        /// <summary>
        /// True for the awaiters of Task, ValueTask and their ConfigureAwait forms, all of which
        /// live in System.Runtime.CompilerServices (some nested in their awaitable).
        /// </summary>
        private static bool IsAwaiter(INamedTypeSymbol? type)
        {
            if (type == null || !type.Name.EndsWith("Awaiter", System.StringComparison.Ordinal))
            {
                return false;
            }

            var outermost = type;
            while (outermost.ContainingType != null)
            {
                outermost = outermost.ContainingType;
            }

            return outermost.ContainingNamespace?.ToDisplayString() == CompilerServicesNamespace
                && outermost.ContainingAssembly?.Name is "System.Runtime" or "System.Private.CoreLib" or "netstandard" or "mscorlib";
        }
    }
}
