using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>Rule family R6: errors and output.</summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor UnguardedWork = Create(
            DiagnosticIds.UnguardedWork,
            title: "Work in the execution outside try/catch",
            messageFormat: "Job '{0}' calls '{1}' outside any try/catch in '{2}', so an exception skips the remaining tenants; catch exceptions per item and report them in the returned log",
            category: RuleCategories.ErrorsAndOutput,
            severity: DiagnosticSeverity.Warning,
            description: "One try/catch in the framework surrounds all tenants: an exception in one tenant skips the remaining tenants for that run and stores only the exception message.");

        public static readonly DiagnosticDescriptor ExceptionThrownOut = Create(
            DiagnosticIds.ExceptionThrownOut,
            title: "Execution throws an exception out",
            messageFormat: "Job '{0}' {1} out of '{2}', which skips the remaining tenants and marks the run failed; catch the exception and report it in the returned log",
            category: RuleCategories.ErrorsAndOutput,
            severity: DiagnosticSeverity.Error,
            description: "An exception that leaves the execution skips the remaining tenants for that run, and the job log keeps only its message.");

        public static readonly DiagnosticDescriptor SwallowedException = Create(
            DiagnosticIds.SwallowedException,
            title: "Exception swallowed without a trace",
            messageFormat: "Job '{0}' swallows an exception in an empty catch in '{1}'; add what failed to the returned log or log it with ILogManager",
            category: RuleCategories.ErrorsAndOutput,
            severity: DiagnosticSeverity.Warning,
            description: "The returned string is the job log that administrators read. An empty catch hides the failure from it.");

        public static readonly DiagnosticDescriptor CustomLogging = Create(
            DiagnosticIds.CustomLogging,
            title: "Job builds its own logging pipeline",
            messageFormat: "Job '{0}' uses {1}, which bypasses Oqtane's log; report in the returned log, or resolve ILogManager from the provider",
            category: RuleCategories.ErrorsAndOutput,
            severity: DiagnosticSeverity.Warning,
            description: "Oqtane keeps a job's output in its job log and the site's events in its own log. Console, debug output or a logger factory built in the job writes where no administrator looks.");

        public static readonly DiagnosticDescriptor DiscardedOutput = Create(
            DiagnosticIds.DiscardedOutput,
            title: "Execution output is always empty",
            messageFormat: "Job '{0}' returns {1} from '{2}' on every path, so the job log stays empty; return a short summary of what the run did",
            category: RuleCategories.ErrorsAndOutput,
            severity: DiagnosticSeverity.Warning,
            description: "The framework concatenates the strings returned for each tenant into the job log, which the admin screen shows. A constant empty result leaves administrators nothing to read.");
    }
}
