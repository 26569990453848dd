using System;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Reporting
{
    /// <summary>
    /// Reports the diagnostics of one job, for every rule family. The job's display name is
    /// always the message's first argument, and a location outside this compilation moves to the job.
    /// </summary>
    internal sealed class JobReporter
    {
        private readonly Action<Diagnostic> report;
        private readonly AnalysisSession session;

        public JobReporter(Action<Diagnostic> report, AnalysisSession session, INamedTypeSymbol job)
        {
            this.report = report;
            this.session = session;
            Job = job;
        }

        public INamedTypeSymbol Job { get; }

        public void Report(DiagnosticDescriptor descriptor, Location? location, ISymbol? member, params object[] arguments)
        {
            var messageArgs = new object[arguments.Length + 1];
            messageArgs[0] = AnalysisSession.DisplayName(Job);
            arguments.CopyTo(messageArgs, 1);
            report(session.CreateDiagnostic(descriptor, InCompilation(location), Job, member, messageArgs));
        }

        // A base compiled in another project of the same solution can carry source locations of
        // that project, which a diagnostic of this compilation must not point into.
        private Location InCompilation(Location? location)
        {
            return location != null && location.IsInSource && session.Compilation.ContainsSyntaxTree(location.SourceTree!)
                ? location
                : Job.Locations[0];
        }
    }
}
