using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Host
{
    /// <summary>
    /// Inside <c>oqjob check</c> only: suppresses every oqjob finding of error severity, so that
    /// the compiler still writes the assembly and the projects that depend on it are built and
    /// analyzed. The compiler blocks the emit on any unsuppressed error, including one that
    /// .editorconfig raised, but a programmatic suppression keeps the finding in the error log
    /// at its configured level, where oqjob reads it and reports it as an unsuppressed error.
    /// Outside oqjob (IDE, a plain build with the NuGet package) it suppresses nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HostModeSuppressor : DiagnosticSuppressor
    {
        /// <summary>The justification that the error log shows with each of oqjob's own suppressions.</summary>
        public const string Justification = "oqjob check: reported by oqjob at its configured severity, kept out of the compile result";

        /// <summary>
        /// Prefix of the suppression IDs: OQJH followed by the rule's four digits. The command line
        /// tells its own suppressions from the user's by these IDs in the error log.
        /// </summary>
        public const string IdPrefix = "OQJH";

        private static readonly ImmutableDictionary<string, SuppressionDescriptor> ByRuleId = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue())
            .ToImmutableDictionary(id => id, id => new SuppressionDescriptor(IdPrefix + id.Substring(3), id, Justification));

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ByRuleId.Values
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            if (!AnalysisSession.IsHostMode(context.Options))
            {
                return;
            }

            foreach (var diagnostic in context.ReportedDiagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error && ByRuleId.TryGetValue(diagnostic.Id, out var descriptor))
                {
                    context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
                }
            }
        }
    }
}
