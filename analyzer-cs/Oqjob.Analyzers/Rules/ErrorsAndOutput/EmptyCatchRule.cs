using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Rules.ErrorsAndOutput
{
    /// <summary>
    /// OQJ6003: a catch clause in the execution whose block has no statements (comments and
    /// empty statements do not count), so the failure reaches neither the job log nor any log.
    /// </summary>
    internal static class EmptyCatchRule
    {
        public static void Analyze(JobReport report)
        {
            foreach (var (body, operation) in report.Model.ExecutionOperations())
            {
                if (!(operation is ICatchClauseOperation catchClause) || !catchClause.Handler.Operations.All(statement => statement is IEmptyOperation))
                {
                    continue;
                }

                var location = catchClause.Syntax is CatchClauseSyntax syntax ? syntax.CatchKeyword.GetLocation() : catchClause.Syntax.GetLocation();
                report.Report(Descriptors.SwallowedException, location, body.Member, JobReport.MemberName(body.Member));
            }
        }
    }
}
