using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;
using Oqjob.Analyzers.Rules.ErrorsAndOutput;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Rule family R6, errors and output: work outside try/catch (OQJ6001), exceptions thrown
    /// out of the execution (OQJ6002), empty catch blocks (OQJ6003), own logging pipelines
    /// (OQJ6004) and an execution that always returns an empty log (OQJ6005).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ErrorsAndOutputAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UnguardedWork,
            Descriptors.ExceptionThrownOut,
            Descriptors.SwallowedException,
            Descriptors.CustomLogging,
            Descriptors.DiscardedOutput);

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

                var symbols = ErrorsAndOutputSymbols.Create(startContext.Compilation);
                startContext.RegisterSymbolAction(symbolContext => AnalyzeJob(symbolContext, session, symbols), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeJob(SymbolAnalysisContext context, AnalysisSession session, ErrorsAndOutputSymbols symbols)
        {
            var job = (INamedTypeSymbol)context.Symbol;
            if (!JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            var model = JobModel.For(job, session.KnownTypes, session.Compilation, context.CancellationToken);
            var report = new JobReport(context, session, symbols, model);
            var callSites = ExecutionCallSites.Build(model);

            UnguardedWorkRule.Analyze(report, callSites);
            ThrownExceptionRule.Analyze(report, callSites);
            EmptyCatchRule.Analyze(report);
            CustomLoggingRule.Analyze(report);
            DiscardedOutputRule.Analyze(report);
        }
    }
}
