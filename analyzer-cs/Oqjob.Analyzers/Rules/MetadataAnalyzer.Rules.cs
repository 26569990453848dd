using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>The checks of rule family R3, one method per condition.</summary>
    public sealed partial class MetadataAnalyzer
    {
        /// <summary>
        /// OQJ3001: a member of the job or a base below HostedServiceBase named like a metadata
        /// property. Only names that HostedServiceBase declares count, so a job's own
        /// MaximumDuration before Oqtane 10.2.0 hides nothing and is not reported.
        /// </summary>
        private static void ReportRedeclaredMembers(JobReporter reporter, JobModel model, MetadataSymbols symbols)
        {
            foreach (var type in model.Chain)
            {
                foreach (var name in symbols.Properties.Keys)
                {
                    foreach (var member in type.OriginalDefinition.GetMembers(name))
                    {
                        if (member.IsImplicitlyDeclared || !(member is IPropertySymbol || member is IFieldSymbol || member is IMethodSymbol))
                        {
                            continue;
                        }

                        // A base in a referenced assembly has no source location; report on the job.
                        var location = member.Locations.FirstOrDefault(l => l.IsInSource) ?? reporter.Job.Locations[0];
                        reporter.Report(Descriptors.RedeclaredMetadata, location, member, AnalysisSession.DisplayName(type.OriginalDefinition) + "." + name);
                    }
                }
            }
        }

        /// <summary>OQJ3003 for the job type: the JobType column is 200 characters long.</summary>
        private static void ReportLongTypeName(JobReporter reporter, INamedTypeSymbol job)
        {
            var stored = MetadataValues.StoredTypeName(job);
            if (stored.Length > MetadataValues.MaxColumnLength)
            {
                reporter.Report(
                    Descriptors.ImpossibleMetadataValue,
                    job.Locations[0],
                    null,
                    "job type",
                    "the stored type name (namespace, type and assembly) is " + stored.Length + " characters, over the column's " + MetadataValues.MaxColumnLength);
            }
        }

        /// <summary>OQJ3002, OQJ3003 (single values), OQJ3004 and OQJ3005 for one assignment.</summary>
        private static void ReportAssignment(JobReporter reporter, JobModel model, MetadataSymbols symbols, MetadataAssignment assignment)
        {
            var member = assignment.Body.Member;
            if (!model.Construction.Contains(assignment.Body))
            {
                reporter.Report(
                    Descriptors.MetadataOutsideConstructor,
                    assignment.Assignment.Syntax.GetLocation(),
                    member,
                    assignment.Property.Name,
                    AnalysisSession.MemberDisplayName(member.ContainingType ?? reporter.Job, member));
            }

            var value = assignment.Value;
            if (value == null)
            {
                return;
            }

            var location = value.Syntax.GetLocation();
            var name = assignment.Property.Name;
            var constant = value.ConstantValue;
            if (name == MetadataSymbols.Frequency && constant.HasValue)
            {
                var code = constant.Value as string;
                var problem = MetadataValues.FrequencyProblem(code, symbols.KnownTypes.OqtaneVersion);
                if (problem != null)
                {
                    reporter.Report(Descriptors.InvalidFrequency, location, member, code ?? "null", problem, MetadataValues.ValidCodes(symbols.KnownTypes.OqtaneVersion));
                }
            }

            var range = constant.HasValue ? MetadataValues.RangeProblem(name, constant.Value) : null;
            if (range != null)
            {
                reporter.Report(Descriptors.ImpossibleMetadataValue, location, member, name, range);
            }

            if (name == MetadataSymbols.StartDate || name == MetadataSymbols.EndDate)
            {
                var source = LocalTimeSources.Describe(value, assignment.Body, model, symbols);
                if (source != null)
                {
                    reporter.Report(Descriptors.LocalTimeSchedule, location, member, name, source);
                }
            }
        }

        /// <summary>
        /// OQJ3003 for the date range: a constant EndDate that is not after a constant StartDate,
        /// when the construction gives each of them exactly one value.
        /// </summary>
        private static void ReportEndNotAfterStart(JobReporter reporter, JobModel model, List<MetadataAssignment> assignments)
        {
            var constructed = assignments.Where(a => model.Construction.Contains(a.Body)).ToList();
            var start = SingleAssignment(constructed, MetadataSymbols.StartDate);
            var end = SingleAssignment(constructed, MetadataSymbols.EndDate);
            var startDate = start?.Value == null ? null : MetadataValues.ConstantDate(start.Value);
            var endDate = end?.Value == null ? null : MetadataValues.ConstantDate(end.Value);
            if (startDate == null || endDate == null || endDate > startDate)
            {
                return;
            }

            reporter.Report(
                Descriptors.ImpossibleMetadataValue,
                end!.Value!.Syntax.GetLocation(),
                end.Body.Member,
                "EndDate",
                endDate.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
                    + " is not after StartDate " + startDate.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
                    + ", so the job never runs");
        }

        private static MetadataAssignment? SingleAssignment(List<MetadataAssignment> assignments, string name)
        {
            var matches = assignments.Where(a => a.Property.Name == name).Take(2).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }

        /// <summary>
        /// OQJ3006: Name, Frequency, Interval or IsEnabled never assigned anywhere in the job.
        /// A base without source may assign them where the analyzer cannot see, so then nothing is reported.
        /// </summary>
        private static void ReportDefaults(JobReporter reporter, JobModel model, MetadataSymbols symbols, List<MetadataAssignment> assignments, Compilation compilation)
        {
            // NOTE: a base from another assembly may assign the properties in a body the model does
            // not contain, so such jobs are skipped entirely.
            if (model.Chain.Any(type => !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)))
            {
                return;
            }

            foreach (var (name, fallback) in Defaults)
            {
                if (symbols.Properties.ContainsKey(name) && !assignments.Any(a => a.Property.Name == name))
                {
                    reporter.Report(Descriptors.DefaultMetadata, reporter.Job.Locations[0], null, name, fallback);
                }
            }
        }

        private static readonly (string Name, string Default)[] Defaults =
        {
            (MetadataSymbols.Name, "the type's full name"),
            (MetadataSymbols.Frequency, "d, days"),
            (MetadataSymbols.Interval, "1"),
            (MetadataSymbols.IsEnabled, "false, so the job is registered disabled"),
        };

        /// <summary>OQJ3007: comparisons in the execution on the current time or on a last-run time kept in a field.</summary>
        private static void ReportClockGates(JobReporter reporter, JobModel model, MetadataSymbols symbols)
        {
            foreach (var (body, operation) in model.ExecutionOperations())
            {
                var gate = ClockGates.Find(operation, body, model, symbols);
                if (gate != null)
                {
                    reporter.Report(Descriptors.SelfManagedTiming, gate.Value.Operation.Syntax.GetLocation(), body.Member, gate.Value.Description);
                }
            }
        }
    }
}
