using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules.ErrorsAndOutput
{
    /// <summary>The job under analysis with what the R6 rules share: its model, the symbols and the reporting context.</summary>
    internal sealed class JobReport
    {
        private readonly AnalysisSession session;
        private readonly JobReporter reporter;

        public JobReport(SymbolAnalysisContext context, AnalysisSession session, ErrorsAndOutputSymbols symbols, JobModel model)
        {
            this.session = session;
            reporter = new JobReporter(context.ReportDiagnostic, session, model.Job);
            Symbols = symbols;
            Model = model;
        }

        public JobModel Model { get; }

        public ErrorsAndOutputSymbols Symbols { get; }

        public KnownTypes KnownTypes => session.KnownTypes;

        /// <summary>Reports a finding; the job's display name is prepended to the message arguments as {0}.</summary>
        public void Report(DiagnosticDescriptor descriptor, Location location, ISymbol? member, params object[] messageArgs)
        {
            reporter.Report(descriptor, location, member, messageArgs);
        }

        /// <summary>Returns "Namespace.Type.Member" for a body's member; an accessor is shown by its property.</summary>
        public static string MemberName(ISymbol member)
        {
            var displayed = member is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } ? property : member;
            return AnalysisSession.MemberDisplayName(displayed.ContainingType, displayed);
        }
    }
}
