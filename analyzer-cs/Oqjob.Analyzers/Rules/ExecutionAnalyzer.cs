using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>Rule family R4, execution: a job that overrides neither execute method (OQJ4001).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExecutionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.MissingExecuteOverride,
            Descriptors.BothExecuteOverrides,
            Descriptors.LifecycleTakeover,
            Descriptors.BackgroundWork,
            Descriptors.EndlessLoop,
            Descriptors.DelayInExecution,
            Descriptors.BlockingOnAsync,
            Descriptors.ConstructorWork);

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

            if (ExecuteOverrides.Find(job, session.KnownTypes).Count > 0)
            {
                return;
            }

            context.ReportDiagnostic(session.CreateDiagnostic(
                Descriptors.MissingExecuteOverride,
                job.Locations[0],
                job,
                null,
                context.CancellationToken,
                AnalysisSession.DisplayName(job)));
        }
    }
}
