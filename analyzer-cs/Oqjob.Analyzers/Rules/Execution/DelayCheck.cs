using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.Execution
{
    /// <summary>
    /// OQJ4006: System.Threading.Thread.Sleep or System.Threading.Tasks.Task.Delay anywhere in
    /// the execution, helpers and lambdas included, called or passed as a method group.
    /// </summary>
    internal static class DelayCheck
    {
        public static void Check(ExecutionReporter reporter)
        {
            foreach (var (body, operation) in reporter.Model.ExecutionOperations())
            {
                var method = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IMethodReferenceOperation reference => reference.Method,
                    _ => null,
                };
                if (!SchedulingConstructs.IsDelay(method, reporter.KnownTypes))
                {
                    continue;
                }

                reporter.Report(
                    Descriptors.DelayInExecution,
                    operation.Syntax.GetLocation(),
                    body.Member,
                    method!.ContainingType.Name + "." + method.Name,
                    ExecutionReporter.MemberName(body.Member));
            }
        }
    }
}
