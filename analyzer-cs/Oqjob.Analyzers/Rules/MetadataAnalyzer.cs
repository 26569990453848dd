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
    /// Rule family R3, metadata. It reports redeclared metadata members (OQJ3001), invalid
    /// frequency codes (OQJ3002) and impossible constants (OQJ3003). It also reports metadata
    /// assigned outside the construction (OQJ3004), local or unspecified start and end dates
    /// (OQJ3005), metadata left to defaults (OQJ3006) and an execution that keeps its own
    /// schedule (OQJ3007).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed partial class MetadataAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.RedeclaredMetadata,
            Descriptors.InvalidFrequency,
            Descriptors.ImpossibleMetadataValue,
            Descriptors.MetadataOutsideConstructor,
            Descriptors.LocalTimeSchedule,
            Descriptors.DefaultMetadata,
            Descriptors.SelfManagedTiming);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(startContext =>
            {
                var session = AnalysisSession.Create(startContext.Compilation, startContext.Options);
                var symbols = MetadataSymbols.Create(startContext.Compilation, session.KnownTypes);
                if (symbols == null)
                {
                    return;
                }

                startContext.RegisterSymbolAction(symbolContext => AnalyzeJob(symbolContext, session, symbols), SymbolKind.NamedType);
                startContext.RegisterOperationAction(operationContext => AnalyzeObjectInitializer(operationContext, session, symbols), OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeJob(SymbolAnalysisContext context, AnalysisSession session, MetadataSymbols symbols)
        {
            var job = (INamedTypeSymbol)context.Symbol;
            if (!JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            var model = JobModel.For(job, session.KnownTypes, session.Compilation, context.CancellationToken);
            var reporter = new JobReporter(context.ReportDiagnostic, session, job);

            ReportRedeclaredMembers(reporter, model, symbols);
            ReportLongTypeName(reporter, job);

            var assignments = MetadataAssignment.FindAll(model, symbols);
            foreach (var assignment in assignments)
            {
                ReportAssignment(reporter, model, symbols, assignment);
            }

            ReportEndNotAfterStart(reporter, model, assignments);
            ReportDefaults(reporter, model, symbols, assignments, session.Compilation);
            ReportClockGates(reporter, model, symbols);
        }

        /// <summary>
        /// Checks <c>new SomeJob(...) { Frequency = ... }</c>. The framework creates its own
        /// instance of the job, so every metadata value set in an object initializer is ignored.
        /// </summary>
        private static void AnalyzeObjectInitializer(OperationAnalysisContext context, AnalysisSession session, MetadataSymbols symbols)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Initializer == null || !(creation.Type is INamedTypeSymbol job) || !JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            IOperation top = creation;
            while (top.Parent != null)
            {
                top = top.Parent;
            }

            var body = new MemberBody(context.ContainingSymbol, top);
            var assignments = MetadataAssignment.FindInInitializer(creation, body, symbols);
            if (assignments.Count == 0)
            {
                return;
            }

            var model = JobModel.For(job, session.KnownTypes, session.Compilation, context.CancellationToken);
            var reporter = new JobReporter(context.ReportDiagnostic, session, job);
            foreach (var assignment in assignments)
            {
                ReportAssignment(reporter, model, symbols, assignment);
            }
        }
    }
}
