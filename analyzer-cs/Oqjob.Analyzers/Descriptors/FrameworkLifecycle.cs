using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>Rule family R8: framework-owned lifecycle.</summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor JobPersistenceTouched = Create(
            DiagnosticIds.JobPersistenceTouched,
            title: "Module code touches job persistence",
            messageFormat: "'{0}' uses {1}, which belongs to the framework's job scheduler; remove it and let the framework keep the job row and its history",
            category: RuleCategories.FrameworkLifecycle,
            severity: DiagnosticSeverity.Error,
            description: "The framework creates the job row, sets NextExecution and IsExecuting, writes the job log, trims the history to RetentionHistory and starts and stops jobs. Module code that does any of it races the scheduler.");

        public static readonly DiagnosticDescriptor ManualHostedServiceRegistration = Create(
            DiagnosticIds.ManualHostedServiceRegistration,
            title: "Job registered by hand as a hosted service",
            messageFormat: "'{0}' registers job '{1}' as a hosted service with {2}, which starts a second instance with its own polling loop; remove the registration, because Oqtane discovers jobs by itself",
            category: RuleCategories.FrameworkLifecycle,
            severity: DiagnosticSeverity.Error,
            description: "Oqtane registers every job it finds. Its duplicate check only matches a registration whose service type is the job class itself, so a registration as IHostedService adds a second instance.");

        public static readonly DiagnosticDescriptor RedundantJobRegistration = Create(
            DiagnosticIds.RedundantJobRegistration,
            title: "Job registered by hand",
            messageFormat: "'{0}' registers job '{1}' with {2}, {3}; remove the registration, because Oqtane discovers jobs by itself",
            category: RuleCategories.FrameworkLifecycle,
            severity: DiagnosticSeverity.Warning,
            description: "AddHostedService for a job is redundant in the job's own assembly and a duplicate from another one; AddSingleton of the job type suppresses the framework's registration.");

        public static readonly DiagnosticDescriptor OwnLocking = Create(
            DiagnosticIds.OwnLocking,
            title: "Job uses its own locking",
            messageFormat: "Job '{0}' uses {1}, but the framework already marks the job as executing while it runs; remove the lock",
            category: RuleCategories.FrameworkLifecycle,
            severity: DiagnosticSeverity.Warning,
            description: "The framework keeps one run of a job at a time with the IsExecuting flag of the job row, healed after MaximumDuration. A lock in the job can outlive a failed run and block the job for good.");
    }
}
