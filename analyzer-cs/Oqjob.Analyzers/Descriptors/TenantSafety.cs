using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>Rule family R5: tenant safety.</summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor CrossTenantSwitching = Create(
            DiagnosticIds.CrossTenantSwitching,
            title: "Job switches between tenants",
            messageFormat: "Job '{0}' calls {1}, but the framework already runs the job once per tenant with that tenant set; remove the call and work on the current tenant only",
            category: RuleCategories.TenantSafety,
            severity: DiagnosticSeverity.Error,
            description: "For each tenant the framework calls SetTenant and then the execution. A job that lists tenants or switches the tenant itself does every tenant's work in every tenant's run.");

        public static readonly DiagnosticDescriptor MutableStaticState = Create(
            DiagnosticIds.MutableStaticState,
            title: "Job uses mutable static state",
            messageFormat: "Job '{0}' uses the mutable static member '{1}', which every tenant, run and instance shares; keep the value in a local variable or in the tenant's database",
            category: RuleCategories.TenantSafety,
            severity: DiagnosticSeverity.Error,
            description: "One process serves every tenant, and the framework creates more than one instance of a job. Static state leaks between tenants and runs and is not shared between nodes.");

        public static readonly DiagnosticDescriptor InstanceStateWritten = Create(
            DiagnosticIds.InstanceStateWritten,
            title: "Execution writes instance state",
            messageFormat: "Job '{0}' writes '{1}' in its execution, but one instance serves every tenant and run; keep the value in a local variable",
            category: RuleCategories.TenantSafety,
            severity: DiagnosticSeverity.Warning,
            description: "The job is a singleton: the same instance runs for every tenant, one after another, in every run. A field written in the execution carries one tenant's data into the next.");

        public static readonly DiagnosticDescriptor InstallationWideRead = Create(
            DiagnosticIds.InstallationWideRead,
            title: "Job reads installation-wide data without filtering by tenant",
            messageFormat: "Job '{0}' reads {1} for the whole installation without filtering by the current tenant, so each tenant's run handles every tenant's data; filter the result by the current tenant's TenantId",
            category: RuleCategories.TenantSafety,
            severity: DiagnosticSeverity.Warning,
            description: "The framework runs the job once per tenant. Reading every alias of the installation is fine only when the result is filtered by the current tenant, as the framework's own jobs do.");
    }
}
