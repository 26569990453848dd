using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Rule family R2, constructor and scope: the constructor's shape (OQJ2001) and the
    /// services it takes (OQJ2002 scoped or tenant-bound, OQJ2003 any other).
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

                startContext.RegisterSymbolAction(symbolContext => AnalyzeJob(symbolContext, session), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeJob(SymbolAnalysisContext context, AnalysisSession session)
        {
            var job = (INamedTypeSymbol)context.Symbol;
            if (!JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            var publicConstructors = job.InstanceConstructors
                .Where(constructor => constructor.DeclaredAccessibility == Accessibility.Public)
                .ToList();
            foreach (var constructor in publicConstructors)
            {
                AnalyzeParameters(context, session, job, constructor);
            }

            var problem = publicConstructors.Count == 1
                ? ConstructorProblem(publicConstructors[0], session, context)
                : CountProblem(publicConstructors.Count);
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
                context.CancellationToken,
                AnalysisSession.DisplayName(job),
                problem));
        }

        private static string CountProblem(int count)
        {
            return count == 0 ? "it has no public constructor" : "it has " + count + " public constructors";
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

        private static void AnalyzeParameters(SymbolAnalysisContext context, AnalysisSession session, INamedTypeSymbol job, IMethodSymbol constructor)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, session.KnownTypes.IServiceScopeFactory))
                {
                    continue;
                }

                var location = ParameterTypeLocation(parameter) ?? job.Locations[0];
                var typeName = parameter.Type.ToDisplayString();
                var scoped = ServiceLifetimes.DescribeScoped(parameter.Type, session.KnownTypes, session.Compilation);
                var diagnostic = scoped != null
                    ? session.CreateDiagnostic(Descriptors.ScopedConstructorDependency, location, job, constructor, context.CancellationToken, AnalysisSession.DisplayName(job), scoped, typeName)
                    : session.CreateDiagnostic(Descriptors.ConstructorDependency, location, job, constructor, context.CancellationToken, AnalysisSession.DisplayName(job), typeName);
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
