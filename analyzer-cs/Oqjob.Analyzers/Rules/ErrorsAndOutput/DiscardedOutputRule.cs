using System.Linq;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Rules.ErrorsAndOutput
{
    /// <summary>
    /// OQJ6005: every execute override returns a constant empty string or null on every path.
    /// The framework concatenates the results of both overrides, so one override with real
    /// output is enough and no finding is reported.
    /// </summary>
    internal static class DiscardedOutputRule
    {
        public static void Analyze(JobReport report)
        {
            var overrides = report.Model.ExecuteOverrides;
            if (overrides.IsEmpty)
            {
                return;
            }

            var evaluator = new EmptyOutput(report);
            var kinds = overrides.Select(evaluator.OfMethod).ToList();
            if (kinds.Any(kind => !IsAlwaysEmpty(kind)))
            {
                return;
            }

            for (var index = 0; index < overrides.Length; index++)
            {
                var location = overrides[index].Locations.FirstOrDefault(candidate => candidate.IsInSource);
                if (location != null)
                {
                    report.Report(Descriptors.DiscardedOutput, location, overrides[index], Describe(kinds[index]), JobReport.MemberName(overrides[index]));
                }
            }
        }

        private static bool IsAlwaysEmpty(OutputKinds kinds)
        {
            return (kinds & OutputKinds.Other) == 0 && (kinds & (OutputKinds.EmptyString | OutputKinds.Null)) != 0;
        }

        private static string Describe(OutputKinds kinds)
        {
            var emptyString = (kinds & OutputKinds.EmptyString) != 0;
            var nullValue = (kinds & OutputKinds.Null) != 0;
            if (emptyString && nullValue)
            {
                return "an empty string or null";
            }

            return nullValue ? "null" : "an empty string";
        }
    }
}
