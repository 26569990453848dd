using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;
using Oqjob.Analyzers.Rules.Execution;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Rule family R4, execution: the execute overrides (OQJ4001 none, OQJ4002 both), the
    /// lifecycle (OQJ4003), background work (OQJ4004), endless loops (OQJ4005), delays
    /// (OQJ4006), blocking on tasks in ExecuteJob (OQJ4007) and work in the constructor (OQJ4008).
    /// </summary>
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

                var symbols = ExecutionSymbols.Create(startContext.Compilation);
                startContext.RegisterSymbolAction(symbolContext => AnalyzeJob(symbolContext, session, symbols), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeJob(SymbolAnalysisContext context, AnalysisSession session, ExecutionSymbols symbols)
        {
            var job = (INamedTypeSymbol)context.Symbol;
            if (!JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            if (ExecuteOverrides.Find(job, session.KnownTypes).Count == 0)
            {
                context.ReportDiagnostic(session.CreateDiagnostic(
                    Descriptors.MissingExecuteOverride,
                    job.Locations[0],
                    job,
                    null,
                    AnalysisSession.DisplayName(job)));
            }

            var model = JobModel.For(job, session.KnownTypes, session.Compilation, context.CancellationToken);
            var reporter = new ExecutionReporter(context, session, symbols, model);
            LifecycleChecks.CheckBothOverrides(reporter);
            LifecycleChecks.CheckLifecycleTakeover(reporter);
            BackgroundWorkCheck.Check(reporter);
            EndlessLoopCheck.Check(reporter);
            DelayCheck.Check(reporter);
            BlockingCheck.Check(reporter);
            ConstructorWorkCheck.Check(reporter);
        }
    }
}
