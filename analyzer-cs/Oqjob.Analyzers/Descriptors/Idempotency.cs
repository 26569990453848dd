using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>Rule family R7: idempotency.</summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor DependsOnEarlierExecution = Create(
            DiagnosticIds.DependsOnEarlierExecution,
            title: "Execution depends on an earlier execution",
            messageFormat: "Job '{0}' reads '{1}', which its execution also writes, so a run depends on the runs before it; keep such state per tenant in the database, or recompute it in each run",
            category: RuleCategories.Idempotency,
            severity: DiagnosticSeverity.Warning,
            description: "The framework may run a job again after a failure, on another node or after a restart, and runs it once per tenant in turn. State carried between executions in memory makes a run depend on which runs came before it.");
    }
}
