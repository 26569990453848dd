using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>Rule family R3: metadata.</summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor RedeclaredMetadata = Create(
            DiagnosticIds.RedeclaredMetadata,
            title: "Job redeclares a metadata property",
            messageFormat: "Job '{0}' redeclares '{1}', but the framework reads the property through HostedServiceBase and never sees this member; remove it and assign the inherited property in the constructor",
            category: RuleCategories.Metadata,
            severity: DiagnosticSeverity.Error,
            description: "The framework copies Name, Frequency, Interval, StartDate, EndDate, RetentionHistory, IsEnabled and MaximumDuration into the job row through a HostedServiceBase reference, so a member that hides one of them is never read.");

        public static readonly DiagnosticDescriptor InvalidFrequency = Create(
            DiagnosticIds.InvalidFrequency,
            title: "Frequency is not a valid Oqtane frequency code",
            messageFormat: "Job '{0}' sets Frequency to \"{1}\", {2}; use one of {3}",
            category: RuleCategories.Metadata,
            severity: DiagnosticSeverity.Error,
            description: "Frequency codes are case-sensitive: m, H, d, w, M and O (w and O since Oqtane 3.0.2). Any other value leaves the next execution in the past, so the job runs every minute.");

        public static readonly DiagnosticDescriptor ImpossibleMetadataValue = Create(
            DiagnosticIds.ImpossibleMetadataValue,
            title: "Job metadata has an impossible value",
            messageFormat: "Job '{0}' has an impossible {1}: {2}; change it to a value the framework accepts",
            category: RuleCategories.Metadata,
            severity: DiagnosticSeverity.Error,
            description: "Interval must be positive, RetentionHistory not negative, MaximumDuration at least one minute, EndDate after StartDate; Name and the job type are limited to 200 characters, and since Oqtane 10.2.1 a row that breaks a limit is silently never registered.");

        public static readonly DiagnosticDescriptor MetadataOutsideConstructor = Create(
            DiagnosticIds.MetadataOutsideConstructor,
            title: "Job metadata is assigned outside the constructor",
            messageFormat: "Job '{0}' assigns '{1}' in '{2}', which the framework never reads; assign it in the job's constructor",
            category: RuleCategories.Metadata,
            severity: DiagnosticSeverity.Warning,
            description: "The framework reads the metadata once, from a fresh instance, right after the constructor; after that the job row wins. An assignment anywhere else is ignored.");

        public static readonly DiagnosticDescriptor LocalTimeSchedule = Create(
            DiagnosticIds.LocalTimeSchedule,
            title: "StartDate or EndDate uses a local or unspecified time",
            messageFormat: "Job '{0}' sets {1} from {2}, but the framework compares it with DateTime.UtcNow; use DateTime.UtcNow or convert the value with ToUniversalTime()",
            category: RuleCategories.Metadata,
            severity: DiagnosticSeverity.Warning,
            description: "The framework compares StartDate and EndDate with DateTime.UtcNow, so a local or unspecified time is off by the server's offset.");

        public static readonly DiagnosticDescriptor DefaultMetadata = Create(
            DiagnosticIds.DefaultMetadata,
            title: "Job leaves metadata at its default",
            messageFormat: "Job '{0}' never assigns {1}, so the framework uses the default ({2}); assign it in the constructor",
            category: RuleCategories.Metadata,
            severity: DiagnosticSeverity.Info,
            description: "An empty Name becomes the type's full name, Frequency defaults to d and Interval to 1, and IsEnabled defaults to false, so a job that does not set it is registered disabled.");

        public static readonly DiagnosticDescriptor SelfManagedTiming = Create(
            DiagnosticIds.SelfManagedTiming,
            title: "Job decides its own timing",
            messageFormat: "Job '{0}' gates its work on {1}, which duplicates the framework's schedule; set Frequency, Interval and StartDate in the constructor instead",
            category: RuleCategories.Metadata,
            severity: DiagnosticSeverity.Warning,
            description: "The framework decides when a job runs from Frequency, Interval, StartDate and EndDate. An execution that checks the clock or a last-run time kept in memory fights that schedule, and the in-memory time is lost on restart and differs between nodes.");
    }
}
