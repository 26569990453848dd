using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Rule family R7, idempotency: state that the execution both writes and reads, so that a
    /// run behaves differently depending on the runs before it (OQJ7001).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IdempotencyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.DependsOnEarlierExecution);

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

            var model = JobModel.For(job, session.KnownTypes, session.Compilation, context.CancellationToken);
            var accesses = StateAccesses(model, session.Compilation);
            var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var access in accesses)
            {
                if (access.Access.Writes)
                {
                    written.Add(access.Symbol);
                }
            }

            if (written.Count == 0)
            {
                return;
            }

            var report = new JobReporter(context, session, job);
            foreach (var body in model.Execution)
            {
                var firstReads = new FirstUses();
                foreach (var access in accesses)
                {
                    if (access.Body == body && access.Access.Reads && written.Contains(access.Symbol))
                    {
                        firstReads.Add(access.Symbol, access.Reference);
                    }
                }

                foreach (var (symbol, reference) in firstReads.Items())
                {
                    report.Report(Descriptors.DependsOnEarlierExecution, reference.Syntax.GetLocation(), body, symbol.Name);
                }
            }
        }

        /// <summary>Every use in the execution of the job's instance state or of static state.</summary>
        private static List<(MemberBody Body, IOperation Reference, ISymbol Symbol, StateAccess Access)> StateAccesses(JobModel model, Compilation compilation)
        {
            var accesses = new List<(MemberBody, IOperation, ISymbol, StateAccess)>();
            foreach (var body in model.Execution)
            {
                foreach (var (reference, symbol) in StateMembers.References(body))
                {
                    if (StateMembers.IsInstanceState(reference, symbol, model) || StateMembers.IsStaticState(symbol, model, compilation))
                    {
                        accesses.Add((body, reference, symbol, StateAccess.Of(reference)));
                    }
                }
            }

            return accesses;
        }
    }
}
