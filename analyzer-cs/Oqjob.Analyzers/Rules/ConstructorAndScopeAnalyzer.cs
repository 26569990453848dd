using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Options;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Rule family R2, constructor and scope: the constructor's shape (OQJ2001), the services
    /// it takes (OQJ2002 scoped or tenant-bound, OQJ2003 any other, OQJ2004 a provider) and
    /// how the job uses providers and scopes (OQJ2004 to OQJ2006, in <see cref="ServiceProviderUse"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConstructorAndScopeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.ConstructorShape,
            Descriptors.ScopedConstructorDependency,
            Descriptors.ConstructorDependency,
            Descriptors.RootServiceLocator,
            Descriptors.CachedService,
            Descriptors.ScopeCreatedInExecution);

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

                var providerSymbols = ServiceProviderSymbols.Create(startContext.Compilation, session.KnownTypes);
                startContext.RegisterSymbolAction(symbolContext => AnalyzeJob(symbolContext, session, providerSymbols), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeJob(SymbolAnalysisContext context, AnalysisSession session, ServiceProviderSymbols providerSymbols)
        {
            var job = (INamedTypeSymbol)context.Symbol;
            if (!JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            ServiceProviderUse.Analyze(context, session, providerSymbols, job);
            AnalyzeConstructors(context, session, providerSymbols, job);
        }

        private static void AnalyzeConstructors(SymbolAnalysisContext context, AnalysisSession session, ServiceProviderSymbols providerSymbols, INamedTypeSymbol job)
        {
            var publicConstructors = job.InstanceConstructors
                .Where(constructor => constructor.DeclaredAccessibility == Accessibility.Public)
                .ToList();
            foreach (var constructor in publicConstructors)
            {
                AnalyzeParameters(context, session, providerSymbols, job, constructor);
            }

            // A job without a public constructor cannot be created at all; OQJ1005 reports it.
            if (publicConstructors.Count == 0)
            {
                return;
            }

            var problem = publicConstructors.Count == 1
                ? ConstructorProblem(publicConstructors[0], session, context)
                : "it has " + publicConstructors.Count + " public constructors";
            if (problem == null)
            {
                return;
            }

            var location = publicConstructors.Count == 1 && !publicConstructors[0].IsImplicitlyDeclared
                ? publicConstructors[0].Locations[0]
                : job.Locations[0];
            context.ReportDiagnostic(session.CreateDiagnostic(
                Descriptors.ConstructorShape,
                location,
                job,
                publicConstructors.Count == 1 ? publicConstructors[0] : null,
                AnalysisSession.DisplayName(job),
                problem));
        }

        private static string? ConstructorProblem(IMethodSymbol constructor, AnalysisSession session, SymbolAnalysisContext context)
        {
            var factory = constructor.Parameters.FirstOrDefault(parameter =>
                SymbolEqualityComparer.Default.Equals(parameter.Type, session.KnownTypes.IServiceScopeFactory));
            if (factory == null)
            {
                return "its public constructor does not take IServiceScopeFactory";
            }

            return ConstructorChain.WhyFactoryIsNotPassed(
                constructor,
                factory,
                session.KnownTypes,
                session.Compilation,
                context.CancellationToken);
        }

        /// <summary>Returns the location of the parameter's type as written, where the dependency is named.</summary>
        private static Location? ParameterTypeLocation(IParameterSymbol parameter)
        {
            var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as ParameterSyntax;
            return syntax?.Type?.GetLocation() ?? parameter.Locations.FirstOrDefault();
        }

        private static void AnalyzeParameters(
            SymbolAnalysisContext context,
            AnalysisSession session,
            ServiceProviderSymbols providerSymbols,
            INamedTypeSymbol job,
            IMethodSymbol constructor)
        {
            var tenantBound = TypeNameList.Parse(RuleOptions.Read(
                session.Options,
                constructor.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree ?? job.Locations[0].SourceTree,
                DiagnosticIds.ScopedConstructorDependency,
                RuleOptions.TenantBoundTypes));
            foreach (var parameter in constructor.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, session.KnownTypes.IServiceScopeFactory))
                {
                    continue;
                }

                var location = ParameterTypeLocation(parameter) ?? job.Locations[0];
                var typeName = parameter.Type.ToDisplayString();

                // A provider taken by the constructor is the root provider, so it gets the
                // stronger OQJ2004 and not also OQJ2003.
                if (providerSymbols.IsProvider(parameter.Type))
                {
                    var description = "the constructor parameter '" + parameter.Name + "' of type " + typeName;
                    context.ReportDiagnostic(session.CreateDiagnostic(
                        Descriptors.RootServiceLocator, location, job, constructor, AnalysisSession.DisplayName(job), description));
                    continue;
                }

                var scoped = ServiceLifetimes.DescribeScoped(parameter.Type, session.KnownTypes, session.Compilation, tenantBound);
                var diagnostic = scoped != null
                    ? session.CreateDiagnostic(Descriptors.ScopedConstructorDependency, location, job, constructor, AnalysisSession.DisplayName(job), scoped, typeName)
                    : session.CreateDiagnostic(Descriptors.ConstructorDependency, location, job, constructor, AnalysisSession.DisplayName(job), typeName);
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
