using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>Rule family R4: execution.</summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor MissingExecuteOverride = Create(
            DiagnosticIds.MissingExecuteOverride,
            title: "Job does not override ExecuteJob or ExecuteJobAsync",
            messageFormat: "Job '{0}' overrides neither ExecuteJob nor ExecuteJobAsync, so it does nothing when it runs; override ExecuteJobAsync (or ExecuteJob) with the job's work",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Error,
            description: "For each tenant the framework calls ExecuteJob and then ExecuteJobAsync; the base implementations return an empty string.");

        public static readonly DiagnosticDescriptor BothExecuteOverrides = Create(
            DiagnosticIds.BothExecuteOverrides,
            title: "Job overrides both ExecuteJob and ExecuteJobAsync",
            messageFormat: "Job '{0}' overrides both ExecuteJob and ExecuteJobAsync, and the framework calls both for every tenant; keep one override (ExecuteJobAsync for async work)",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Warning,
            description: "For each tenant the framework calls ExecuteJob and then awaits ExecuteJobAsync, so with both overridden every run does both pieces of work.");

        public static readonly DiagnosticDescriptor LifecycleTakeover = Create(
            DiagnosticIds.LifecycleTakeover,
            title: "Job takes over the hosted-service lifecycle",
            messageFormat: "Job '{0}' {1}, but the framework owns the job's lifecycle; remove it and put the work in ExecuteJob or ExecuteJobAsync",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Error,
            description: "HostedServiceBase implements StartAsync, StopAsync, ExecuteAsync and Dispose to run the polling loop, the job row and the history. A job that hides them or implements IHostedService again breaks that loop.");

        public static readonly DiagnosticDescriptor BackgroundWork = Create(
            DiagnosticIds.BackgroundWork,
            title: "Job starts background work",
            messageFormat: "Job '{0}' starts background work with {1}, which outlives the execution and runs without tenant context or error handling; await the work inside ExecuteJobAsync",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Error,
            description: "The framework treats the execution as finished when ExecuteJob returns and ExecuteJobAsync completes. Work started in the background runs after the scope and tenant are gone, and its exceptions reach no job log.");

        public static readonly DiagnosticDescriptor EndlessLoop = Create(
            DiagnosticIds.EndlessLoop,
            title: "Loop in the execution has no exit",
            messageFormat: "Job '{0}' runs {1} with no break or return in '{2}', so the execution never ends; do a bounded piece of work per run and let Frequency and Interval repeat it",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Error,
            description: "An execution that never returns keeps the job row marked executing, blocks the remaining tenants and every later run; ExecuteJob receives no cancellation token to end it.");

        public static readonly DiagnosticDescriptor DelayInExecution = Create(
            DiagnosticIds.DelayInExecution,
            title: "Delay in the execution",
            messageFormat: "Job '{0}' waits with {1} in '{2}', which holds the run and the remaining tenants; remove the delay and let Frequency and Interval schedule the work",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Warning,
            description: "The framework runs the tenants one after another in one run. A delay in the execution holds every remaining tenant and can exceed MaximumDuration.");

        public static readonly DiagnosticDescriptor BlockingOnAsync = Create(
            DiagnosticIds.BlockingOnAsync,
            title: "ExecuteJob blocks on async work",
            messageFormat: "Job '{0}' blocks on async work with {1} in '{2}'; override ExecuteJobAsync and await the work instead",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Warning,
            description: "Since Oqtane 4.0.3 the framework awaits ExecuteJobAsync for each tenant. Blocking on a task in ExecuteJob ties up a thread-pool thread and can deadlock.");

        public static readonly DiagnosticDescriptor ConstructorWork = Create(
            DiagnosticIds.ConstructorWork,
            title: "Job constructor does work beyond setting metadata",
            messageFormat: "Job '{0}' {1} in its constructor, which runs for every registration attempt and every Start or Stop; set only metadata there and move the work into the execution",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Warning,
            description: "The framework creates job instances for the singleton, for each registration attempt and for each Start or Stop in the admin screen, so the constructor must be cheap and free of side effects.");
    }
}
