using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>Rule family R1: job type and placement.</summary>
    public static partial class Descriptors
    {
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

        public static readonly DiagnosticDescriptor JobOutsideOqtaneAssembly = Create(
            DiagnosticIds.JobOutsideOqtaneAssembly,
            title: "Job is in an assembly that Oqtane does not scan",
            messageFormat: "Job '{0}' is compiled into assembly '{1}', whose name does not contain \"oqtane\", so Oqtane never loads it; give the project an AssemblyName that contains Oqtane, such as Owner.Module.Name.Server.Oqtane",
            category: RuleCategories.JobTypeAndPlacement,
            severity: DiagnosticSeverity.Error,
            description: "At startup Oqtane scans only assemblies whose name contains \"oqtane\" (in any case). A job in any other assembly is never registered and never runs.");

        public static readonly DiagnosticDescriptor UnregistrableJob = Create(
            DiagnosticIds.UnregistrableJob,
            title: "Job cannot be registered",
            messageFormat: "Job '{0}' cannot be registered because {1}; make it a non-generic class with one public constructor that takes IServiceScopeFactory",
            category: RuleCategories.JobTypeAndPlacement,
            severity: DiagnosticSeverity.Error,
            description: "Oqtane registers every concrete hosted service it finds and creates jobs with ActivatorUtilities. An open generic job breaks startup, and a job without a public constructor cannot be created.");
    }
}
