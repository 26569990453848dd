using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>Reports diagnostics about one job. The job's display name is always the message's first argument.</summary>
    internal sealed class JobReporter
    {
        private readonly SymbolAnalysisContext context;
        private readonly AnalysisSession session;

        public JobReporter(SymbolAnalysisContext context, AnalysisSession session, INamedTypeSymbol job)
        {
            this.context = context;
            this.session = session;
            Job = job;
        }

        public INamedTypeSymbol Job { get; }

        public void Report(DiagnosticDescriptor descriptor, Location location, ISymbol? member, params object[] arguments)
        {
            var messageArgs = new object[arguments.Length + 1];
            messageArgs[0] = AnalysisSession.DisplayName(Job);
            arguments.CopyTo(messageArgs, 1);
            context.ReportDiagnostic(session.CreateDiagnostic(descriptor, location, Job, member, context.CancellationToken, messageArgs));
        }
    }
}
