using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Jobs.State
{
    /// <summary>Reports findings on one job, with the job's display name as the first message argument.</summary>
    internal readonly struct JobDiagnosticReporter
    {
        private readonly SymbolAnalysisContext context;
        private readonly AnalysisSession session;
        private readonly INamedTypeSymbol job;

        public JobDiagnosticReporter(SymbolAnalysisContext context, AnalysisSession session, INamedTypeSymbol job)
        {
            this.context = context;
            this.session = session;
            this.job = job;
        }

        public void Report(DiagnosticDescriptor descriptor, Location location, MemberBody body, string detail)
        {
            context.ReportDiagnostic(session.CreateDiagnostic(
                descriptor,
                location,
                job,
                body.Member,
                context.CancellationToken,
                AnalysisSession.DisplayName(job),
                detail));
        }
    }
}
