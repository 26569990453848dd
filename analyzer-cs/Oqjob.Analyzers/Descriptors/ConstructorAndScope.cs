using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>Rule family R2: constructor and scope.</summary>
    public static partial class Descriptors
    {
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

        public static readonly DiagnosticDescriptor RootServiceLocator = Create(
            DiagnosticIds.RootServiceLocator,
            title: "Job uses a root or static service locator",
            messageFormat: "Job '{0}' uses {1}, a service provider that does not belong to the current tenant's scope; resolve services from the provider passed to ExecuteJob or ExecuteJobAsync",
            category: RuleCategories.ConstructorAndScope,
            severity: DiagnosticSeverity.Error,
            description: "For each tenant the framework sets the tenant and passes a scoped provider to the execution. A provider captured in the constructor or kept in a static member is the root provider or another run's scope, so services resolved from it see no tenant or the wrong one.");

        public static readonly DiagnosticDescriptor CachedService = Create(
            DiagnosticIds.CachedService,
            title: "Job keeps a service in a field or property",
            messageFormat: "Job '{0}' keeps a service in '{1}' beyond one execution, so the next tenant or run reuses it; resolve the service from the provider in each execution and keep it in a local variable",
            category: RuleCategories.ConstructorAndScope,
            severity: DiagnosticSeverity.Warning,
            description: "The job is a singleton that runs once per tenant with one scope per run. A service kept in a field outlives its scope and carries one tenant's state into the next.");

        public static readonly DiagnosticDescriptor ScopeCreatedInExecution = Create(
            DiagnosticIds.ScopeCreatedInExecution,
            title: "Job creates its own service scope",
            messageFormat: "Job '{0}' creates a new service scope with {1}, which loses the tenant that the framework set; resolve services from the provider passed to ExecuteJob or ExecuteJobAsync",
            category: RuleCategories.ConstructorAndScope,
            severity: DiagnosticSeverity.Warning,
            description: "The framework creates the scope, sets the tenant on it and passes its provider to the execution. A new scope starts without that tenant context.");
    }
}
