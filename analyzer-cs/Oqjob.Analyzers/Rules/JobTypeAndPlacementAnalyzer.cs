using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Rule family R1, job type and placement: hosted services that are not jobs (OQJ1001,
    /// OQJ1002), scheduling libraries or timers used in a module assembly (OQJ1003), jobs
    /// that Oqtane never loads (OQJ1004) and jobs that it cannot register (OQJ1005).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class JobTypeAndPlacementAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UnmanagedSchedulingHostedService,
            Descriptors.UnmanagedHostedService,
            Descriptors.SchedulingLibraryOrTimer,
            Descriptors.JobOutsideOqtaneAssembly,
            Descriptors.UnregistrableJob);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var session = AnalysisSession.Create(context.Compilation, context.Options);
            if (!session.KnownTypes.IsModuleAssembly)
            {
                return;
            }

            context.RegisterSymbolAction(symbolContext => AnalyzeHostedService(symbolContext, session), SymbolKind.NamedType);
            context.RegisterSymbolAction(symbolContext => AnalyzeJobPlacement(symbolContext, session), SymbolKind.NamedType);
            context.RegisterSymbolAction(symbolContext => AnalyzeLibraryBaseTypes(symbolContext, session), SymbolKind.NamedType);
            context.RegisterOperationBlockStartAction(blockContext => CollectLibraryUses(blockContext, session));
        }

        private static void AnalyzeHostedService(SymbolAnalysisContext context, AnalysisSession session)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var knownTypes = session.KnownTypes;
            if (!JobClassifier.IsConcreteHostedService(type, knownTypes) || JobClassifier.InheritsHostedServiceBase(type, knownTypes))
            {
                return;
            }

            var construct = SchedulingConstructs.FindFirst(type, knownTypes, session.Compilation, context.CancellationToken);
            var location = type.Locations[0];
            var name = AnalysisSession.DisplayName(type);
            var diagnostic = construct == null
                ? session.CreateDiagnostic(Descriptors.UnmanagedHostedService, location, type, null, name)
                : session.CreateDiagnostic(Descriptors.UnmanagedSchedulingHostedService, location, type, null, name, construct);
            context.ReportDiagnostic(diagnostic);
        }

        private static void AnalyzeJobPlacement(SymbolAnalysisContext context, AnalysisSession session)
        {
            var job = (INamedTypeSymbol)context.Symbol;
            if (!JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            var location = job.Locations[0];
            var name = AnalysisSession.DisplayName(job);
            var assemblyName = job.ContainingAssembly.Name;
            if (assemblyName.IndexOf("oqtane", StringComparison.OrdinalIgnoreCase) < 0)
            {
                context.ReportDiagnostic(session.CreateDiagnostic(
                    Descriptors.JobOutsideOqtaneAssembly, location, job, null, name, assemblyName));
            }

            var reason = WhyUnregistrable(job);
            if (reason != null)
            {
                context.ReportDiagnostic(session.CreateDiagnostic(
                    Descriptors.UnregistrableJob, location, job, null, name, reason));
            }
        }

        /// <summary>
        /// Returns why the framework cannot register the job, or null. An open generic type
        /// (declared with type parameters, or nested in a generic type) breaks startup, and
        /// ActivatorUtilities creates only types with a public constructor.
        /// </summary>
        private static string? WhyUnregistrable(INamedTypeSymbol job)
        {
            for (var type = job; type != null; type = type.ContainingType)
            {
                if (type.TypeParameters.Length > 0)
                {
                    return SymbolEqualityComparer.Default.Equals(type, job)
                        ? "it is an open generic type"
                        : "it is nested in the generic type '" + AnalysisSession.DisplayName(type) + "', which leaves it open";
                }
            }

            var hasPublicConstructor = job.InstanceConstructors.Any(constructor => constructor.DeclaredAccessibility == Accessibility.Public);
            return hasPublicConstructor ? null : "it has no public constructor";
        }

        /// <summary>Reports a type that derives from or implements a scheduling library type, such as Quartz's IJob.</summary>
        private static void AnalyzeLibraryBaseTypes(SymbolAnalysisContext context, AnalysisSession session)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var declaredBases = new List<INamedTypeSymbol>();
            if (type.BaseType != null)
            {
                declaredBases.Add(type.BaseType);
            }

            declaredBases.AddRange(type.Interfaces);
            foreach (var baseType in declaredBases)
            {
                var api = SchedulingLibraries.Find(baseType, session.KnownTypes);
                if (api == null)
                {
                    continue;
                }

                var diagnostic = session.CreateDiagnostic(
                    Descriptors.SchedulingLibraryOrTimer,
                    type.Locations[0],
                    type,
                    null,
                    AnalysisSession.DisplayName(type),
                    api.Description);
                context.ReportDiagnostic(diagnostic);
                return;
            }
        }

        /// <summary>
        /// Collects every use of a scheduling library or timer in one member body and reports
        /// the first use of each library, so a member that configures Hangfire in ten calls
        /// gets one finding rather than ten.
        /// </summary>
        private static void CollectLibraryUses(OperationBlockStartAnalysisContext context, AnalysisSession session)
        {
            var uses = new List<(Location Location, SchedulingApi Api)>();
            var gate = new object();

            context.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    var api = SchedulingLibraries.Find(UsedType(operation), session.KnownTypes);

                    // A .NET timer schedules nothing until it is created, so only its creation
                    // is a finding. A library is reported at any use, because it may be injected.
                    var isTimerMemberUse = api != null && api.IsTimer && operation.Kind != OperationKind.ObjectCreation;
                    if (api != null && !isTimerMemberUse)
                    {
                        lock (gate)
                        {
                            uses.Add((operation.Syntax.GetLocation(), api));
                        }
                    }
                },
                OperationKind.ObjectCreation,
                OperationKind.Invocation,
                OperationKind.PropertyReference,
                OperationKind.FieldReference,
                OperationKind.EventReference,
                OperationKind.MethodReference);

            context.RegisterOperationBlockEndAction(endContext =>
            {
                var owner = endContext.OwningSymbol;
                var containingType = owner as INamedTypeSymbol ?? owner.ContainingType;
                if (containingType == null)
                {
                    return;
                }

                List<(Location Location, SchedulingApi Api)> collected;
                lock (gate)
                {
                    collected = uses.ToList();
                }

                var firstPerLibrary = collected
                    .OrderBy(use => use.Location.SourceSpan.Start)
                    .GroupBy(use => use.Api.Key)
                    .Select(group => group.First());
                foreach (var use in firstPerLibrary)
                {
                    var diagnostic = session.CreateDiagnostic(
                        Descriptors.SchedulingLibraryOrTimer,
                        use.Location,
                        containingType,
                        owner,
                        AnalysisSession.MemberDisplayName(containingType, owner),
                        use.Api.Description);
                    endContext.ReportDiagnostic(diagnostic);
                }
            });
        }

        private static ITypeSymbol? UsedType(IOperation operation)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    return creation.Type;
                case IInvocationOperation invocation:
                    return invocation.TargetMethod.ContainingType;
                case IMemberReferenceOperation reference:
                    return reference.Member.ContainingType;
                default:
                    return null;
            }
        }
    }
}
