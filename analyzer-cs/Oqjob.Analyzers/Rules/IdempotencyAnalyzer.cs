using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Jobs.State;
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
            var accessesByBody = StateAccesses(model, session.Compilation);
            var written = WrittenState(accessesByBody);
            if (written.Count == 0)
            {
                return;
            }

            var report = new JobReporter(context.ReportDiagnostic, session, job);
            foreach (var pair in accessesByBody)
            {
                var firstReads = new FirstUses();
                foreach (var (reference, symbol, access) in pair.Value)
                {
                    if (access.Reads && written.Contains(symbol))
                    {
                        firstReads.Add(symbol, reference);
                    }
                }

                foreach (var (symbol, reference) in firstReads.Items())
                {
                    report.Report(Descriptors.DependsOnEarlierExecution, reference.Syntax.GetLocation(), pair.Key.Member, symbol.Name);
                }
            }
        }

        /// <summary>Returns the state that some body of the execution writes.</summary>
        private static HashSet<ISymbol> WrittenState(Dictionary<MemberBody, List<(IOperation Reference, ISymbol Symbol, StateAccess Access)>> accessesByBody)
        {
            var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var accesses in accessesByBody.Values)
            {
                foreach (var (_, symbol, access) in accesses)
                {
                    if (access.Writes)
                    {
                        written.Add(symbol);
                    }
                }
            }

            return written;
        }

        /// <summary>Every use in the execution of the job's instance state or of static state, by body.</summary>
        private static Dictionary<MemberBody, List<(IOperation Reference, ISymbol Symbol, StateAccess Access)>> StateAccesses(JobModel model, Compilation compilation)
        {
            var accessesByBody = new Dictionary<MemberBody, List<(IOperation, ISymbol, StateAccess)>>();
            foreach (var body in model.Execution)
            {
                var accesses = new List<(IOperation, ISymbol, StateAccess)>();
                foreach (var (reference, symbol) in StateMembers.References(body))
                {
                    if (StateMembers.IsInstanceState(reference, symbol, model) || StateMembers.IsStaticState(symbol, model, compilation))
                    {
                        accesses.Add((reference, symbol, StateAccess.Of(reference)));
                    }
                }

                accessesByBody[body] = accesses;
            }

            return accessesByBody;
        }
    }
}
