using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Jobs.State;
using Oqjob.Analyzers.Jobs.Tenants;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Rule family R5, tenant safety: switching tenants (OQJ5001), mutable static state
    /// (OQJ5002), instance state written in the execution (OQJ5003) and alias reads not
    /// filtered by the current tenant (OQJ5004).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TenantSafetyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CrossTenantSwitching,
            Descriptors.MutableStaticState,
            Descriptors.InstanceStateWritten,
            Descriptors.InstallationWideRead);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(startContext =>
            {
                var session = AnalysisSession.Create(startContext.Compilation, startContext.Options);
                if (session.KnownTypes.HostedServiceBase == null)
                {
                    return;
                }

                var symbols = TenantSymbols.Create(session.KnownTypes);
                var services = ServiceProviderSymbols.Create(startContext.Compilation, session.KnownTypes);
                startContext.RegisterSymbolAction(symbolContext => AnalyzeJob(symbolContext, session, symbols, services), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeJob(SymbolAnalysisContext context, AnalysisSession session, TenantSymbols symbols, ServiceProviderSymbols services)
        {
            var job = (INamedTypeSymbol)context.Symbol;
            if (!JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            var model = JobModel.For(job, session.KnownTypes, session.Compilation, context.CancellationToken);
            var report = new JobReporter(context.ReportDiagnostic, session, job);
            ReportTenantCalls(report, model, symbols);
            ReportStaticState(report, model, session.Compilation);
            ReportInstanceWrites(report, model, services);
        }

        /// <summary>OQJ5001 at every call of SetTenant or GetTenants, and OQJ5004 at every unfiltered GetAliases, anywhere in the job.</summary>
        private static void ReportTenantCalls(JobReporter report, JobModel model, TenantSymbols symbols)
        {
            var aliasFilter = new AliasTenantFilter(symbols, model);
            foreach (var (body, operation) in model.AllOperations())
            {
                var (target, receiver) = CallTarget(operation);
                if (target == null)
                {
                    continue;
                }

                var switching = SwitchingMethod(target, receiver, symbols);
                if (switching != null)
                {
                    report.Report(Descriptors.CrossTenantSwitching, OperationLocations.MemberName(operation), body.Member, switching.ContainingType.Name + "." + switching.Name);
                    continue;
                }

                if (operation is IInvocationOperation
                    && TenantSymbols.Calls(target, receiver, symbols.GetAliases)
                    && !aliasFilter.IsFiltered(body, operation))
                {
                    report.Report(Descriptors.InstallationWideRead, OperationLocations.MemberName(operation), body.Member, "IAliasRepository.GetAliases()");
                }
            }
        }

        /// <summary>Returns ITenantManager.SetTenant or ITenantRepository.GetTenants when the call runs one of them, else null.</summary>
        private static IMethodSymbol? SwitchingMethod(IMethodSymbol target, ITypeSymbol? receiver, TenantSymbols symbols)
        {
            if (TenantSymbols.Calls(target, receiver, symbols.SetTenant))
            {
                return symbols.SetTenant;
            }

            if (TenantSymbols.Calls(target, receiver, symbols.GetTenants))
            {
                return symbols.GetTenants;
            }

            return null;
        }

        /// <summary>Returns the method a call or method group names and the type of its receiver.</summary>
        private static (IMethodSymbol? Target, ITypeSymbol? Receiver) CallTarget(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return (invocation.TargetMethod, invocation.Instance?.Type);
                case IMethodReferenceOperation reference:
                    return (reference.Method, reference.Instance?.Type);
                default:
                    return (null, null);
            }
        }

        /// <summary>
        /// OQJ5002 once per body and static member, at the first use: any use of a mutable
        /// static, and a write into a static readonly collection or struct.
        /// </summary>
        private static void ReportStaticState(JobReporter report, JobModel model, Compilation compilation)
        {
            foreach (var body in model.AllBodies)
            {
                var firstUses = new FirstUses();
                foreach (var (reference, symbol) in StateMembers.References(body))
                {
                    if (StateMembers.IsStaticState(symbol, model, compilation)
                        && (StateMembers.IsMutable(symbol) || StateAccess.Of(reference).Writes))
                    {
                        firstUses.Add(symbol, reference);
                    }
                }

                foreach (var (symbol, reference) in firstUses.Items())
                {
                    var name = AnalysisSession.MemberDisplayName(symbol.ContainingType, symbol);
                    report.Report(Descriptors.MutableStaticState, reference.Syntax.GetLocation(), body.Member, name);
                }
            }
        }

        /// <summary>
        /// OQJ5003 once per execution body and instance member of the job, at the first write.
        /// A resolved service stored in a field is OQJ2005's more specific finding, so it is not
        /// reported here as well.
        /// </summary>
        private static void ReportInstanceWrites(JobReporter report, JobModel model, ServiceProviderSymbols services)
        {
            foreach (var body in model.Execution)
            {
                var firstWrites = new FirstUses();
                foreach (var (reference, symbol) in StateMembers.References(body))
                {
                    if (StateMembers.IsInstanceState(reference, symbol, model)
                        && StateAccess.Of(reference).Writes
                        && !services.IsResolvedServiceValue(AssignedValue(reference)))
                    {
                        firstWrites.Add(symbol, reference);
                    }
                }

                foreach (var (symbol, reference) in firstWrites.Items())
                {
                    report.Report(Descriptors.InstanceStateWritten, reference.Syntax.GetLocation(), body.Member, symbol.Name);
                }
            }
        }

        /// <summary>Returns the value assigned when the reference is the target of "=" or "??=".</summary>
        private static IOperation? AssignedValue(IOperation reference)
        {
            return reference.Parent is IAssignmentOperation assignment && assignment.Target == reference ? assignment.Value : null;
        }
    }
}
