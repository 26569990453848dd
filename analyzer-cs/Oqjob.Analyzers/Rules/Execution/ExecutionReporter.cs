using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules.Execution
{
    /// <summary>
    /// One job under analysis by the execution rules: its model, the symbols they need, and a
    /// way to report a finding that names the job.
    /// </summary>
    internal sealed class ExecutionReporter
    {
        private readonly SymbolAnalysisContext context;
        private readonly AnalysisSession session;
        private readonly JobReporter reporter;

        public ExecutionReporter(SymbolAnalysisContext context, AnalysisSession session, ExecutionSymbols symbols, JobModel model)
        {
            this.context = context;
            this.session = session;
            reporter = new JobReporter(context.ReportDiagnostic, session, model.Job);
            Symbols = symbols;
            Model = model;
        }

        public JobModel Model { get; }

        public INamedTypeSymbol Job => Model.Job;

        public KnownTypes KnownTypes => session.KnownTypes;

        public ExecutionSymbols Symbols { get; }

        public CancellationToken CancellationToken => context.CancellationToken;

        /// <summary>
        /// Reports a finding. {0} of the message is the job's name and <paramref name="details"/>
        /// fill the rest. A location outside this compilation's source (a base class compiled
        /// into a referenced assembly) is moved to the job's own declaration.
        /// </summary>
        public void Report(DiagnosticDescriptor descriptor, Location? location, ISymbol? member, params object[] details)
        {
            reporter.Report(descriptor, location, member, details);
        }

        /// <summary>Returns the semantic model of a tree of this compilation, such as a partial part or a base class in another file.</summary>
        public SemanticModel SemanticModelFor(SyntaxTree tree)
        {
#pragma warning disable RS1030 // The job's bases live in other trees; inside the analyzer driver this returns its cached model.
            return session.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }

        /// <summary>Returns "Namespace.Type.Member" for the member that contains a finding.</summary>
        public static string MemberName(ISymbol member)
        {
            // An accessor is shown by its property's name, which is what the source spells.
            var displayed = member is IMethodSymbol { AssociatedSymbol: { } property } ? property : member;
            return AnalysisSession.MemberDisplayName(displayed.ContainingType, displayed);
        }
    }
}
