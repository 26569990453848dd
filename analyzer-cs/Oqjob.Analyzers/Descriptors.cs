using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>
    /// Every diagnostic descriptor of oqjob, built by one factory so that the help link,
    /// the tags and the enabled state are set the same way for all rules.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>Base address of the rule pages; each rule's page is docs/rules/&lt;ID&gt;.md.</summary>
        // NOTE: the public repository address is assumed; change it here when the project is published.
        public const string HelpLinkBase = "https://github.com/oqjob/oqjob/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor UnmanagedSchedulingHostedService = Create(
            DiagnosticIds.UnmanagedSchedulingHostedService,
            title: "Hosted service schedules its own work",
            messageFormat: "Hosted service '{0}' schedules its own work ({1}), so Oqtane runs it unmanaged on every node; turn it into a job that inherits Oqtane.Infrastructure.HostedServiceBase and sets Frequency and Interval in its constructor",
            category: RuleCategories.JobTypeAndPlacement,
            severity: DiagnosticSeverity.Error,
            description: "Oqtane registers every concrete IHostedService of a module assembly as a hosted service. One that is not a job and runs its own timer, delay loop or loop until cancellation has no job record, no history, no enable switch and no tenant context, and runs on every node.");

        public static readonly DiagnosticDescriptor UnmanagedHostedService = Create(
            DiagnosticIds.UnmanagedHostedService,
            title: "Hosted service runs outside the job scheduler",
            messageFormat: "Hosted service '{0}' is not an Oqtane job, so the framework runs it unmanaged (no job record, no history, no tenant context); make it a job that inherits Oqtane.Infrastructure.HostedServiceBase, or move it out of the module",
            category: RuleCategories.JobTypeAndPlacement,
            severity: DiagnosticSeverity.Warning,
            description: "Oqtane registers every concrete IHostedService or BackgroundService of a module assembly. It starts before installation, on every node, and on .NET 6 and later an unhandled exception in it stops the whole host.");

        public static readonly DiagnosticDescriptor SchedulingLibraryOrTimer = Create(
            DiagnosticIds.SchedulingLibraryOrTimer,
            title: "Scheduling library or timer used in a module",
            messageFormat: "'{0}' uses {1}, which schedules work outside Oqtane's job model; move the work into a job that inherits Oqtane.Infrastructure.HostedServiceBase and set its schedule with Frequency and Interval in the job's constructor",
            category: RuleCategories.JobTypeAndPlacement,
            severity: DiagnosticSeverity.Error,
            description: "Hangfire, Quartz, Coravel, FluentScheduler, NCrontab, Cronos and the .NET timers schedule work outside Oqtane's job model: the work gets no job record, no tenant context and no history, and runs on every node.");

        public static readonly DiagnosticDescriptor ConstructorShape = Create(
            DiagnosticIds.ConstructorShape,
            title: "Job constructor must take IServiceScopeFactory and pass it to the base class",
            messageFormat: "Job '{0}' must have exactly one public constructor that takes IServiceScopeFactory and passes it to HostedServiceBase, but {1}",
            category: RuleCategories.ConstructorAndScope,
            severity: DiagnosticSeverity.Error,
            description: "The framework creates jobs with ActivatorUtilities from the root service provider. HostedServiceBase needs the IServiceScopeFactory to create the scope in which the job runs for each tenant.");

        public static readonly DiagnosticDescriptor ScopedConstructorDependency = Create(
            DiagnosticIds.ScopedConstructorDependency,
            title: "Job constructor takes a scoped or tenant-bound service",
            messageFormat: "Job '{0}' takes {1} '{2}' in its constructor, but the job is a singleton that serves every tenant; remove the parameter and resolve the service from the provider passed to ExecuteJob or ExecuteJobAsync",
            category: RuleCategories.ConstructorAndScope,
            severity: DiagnosticSeverity.Error,
            description: "A job is a singleton created once from the root provider. A repository, ITenantManager, ILogManager, SiteState, a DbContext or a module service captured in its constructor belongs to no tenant, or to the wrong one, when the job runs.");

        public static readonly DiagnosticDescriptor ConstructorDependency = Create(
            DiagnosticIds.ConstructorDependency,
            title: "Job constructor takes a dependency other than IServiceScopeFactory",
            messageFormat: "Job '{0}' takes '{1}' in its constructor; resolve it from the provider passed to ExecuteJob or ExecuteJobAsync instead, so that the constructor takes only IServiceScopeFactory",
            category: RuleCategories.ConstructorAndScope,
            severity: DiagnosticSeverity.Warning,
            description: "The framework's own jobs take only IServiceScopeFactory and resolve every other service inside the execution, from the scope that the framework created for the current tenant.");

        public static readonly DiagnosticDescriptor MissingExecuteOverride = Create(
            DiagnosticIds.MissingExecuteOverride,
            title: "Job does not override ExecuteJob or ExecuteJobAsync",
            messageFormat: "Job '{0}' overrides neither ExecuteJob nor ExecuteJobAsync, so it does nothing when it runs; override ExecuteJobAsync (or ExecuteJob) with the job's work",
            category: RuleCategories.Execution,
            severity: DiagnosticSeverity.Error,
            description: "For each tenant the framework calls ExecuteJob and then ExecuteJobAsync; the base implementations return an empty string.");

        /// <summary>Builds a descriptor whose help link is the rule's docs page.</summary>
        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity severity,
            string description)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: new[] { "oqtane", "scheduled-jobs" });
        }
    }
}
