using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Reporting
{
    /// <summary>Reports findings on one job, with the job's display name as the first message argument.</summary>
    internal readonly struct JobReporter
    {
        private readonly SymbolAnalysisContext context;
        private readonly AnalysisSession session;
        private readonly INamedTypeSymbol job;

        public JobReporter(SymbolAnalysisContext context, AnalysisSession session, INamedTypeSymbol job)
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
