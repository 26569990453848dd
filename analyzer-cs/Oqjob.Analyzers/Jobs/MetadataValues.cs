using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Checks constant metadata values against what the framework accepts: frequency codes,
    /// ranges, the 200-character columns and constant dates.
    /// </summary>
    internal static class MetadataValues
    {
        /// <summary>Length of the Name and JobType columns of the Job table.</summary>
        public const int MaxColumnLength = 200;

        private static readonly Version WeeksAndOnceSince = new Version(3, 0, 2);

        /// <summary>Returns why the frequency code is invalid for the Oqtane version, or null when it is valid.</summary>
        public static string? FrequencyProblem(string? code, Version? oqtaneVersion)
        {
            switch (code)
            {
                case "m":
                case "H":
                case "d":
                case "M":
                    return null;
                case "w":
                case "O":
                    return oqtaneVersion != null && oqtaneVersion < WeeksAndOnceSince
                        ? "which Oqtane " + oqtaneVersion.ToString(3) + " does not know (w and O exist since Oqtane 3.0.2)"
                        : null;
                default:
                    return code == null
                        ? "which is not a frequency code, so the job runs every minute"
                        : "which is not a frequency code (codes are case-sensitive), so the job runs every minute";
            }
        }

        /// <summary>Returns the valid codes to suggest for the Oqtane version.</summary>
        public static string ValidCodes(Version? oqtaneVersion)
        {
            return oqtaneVersion != null && oqtaneVersion < WeeksAndOnceSince
                ? "m (minutes), H (hours), d (days) or M (months), or upgrade to Oqtane 3.0.2 for w (weeks) and O (once)"
                : "m (minutes), H (hours), d (days), w (weeks), M (months) or O (once)";
        }

        /// <summary>Returns why a constant value of a numeric or Name property is impossible, or null.</summary>
        public static string? RangeProblem(string property, object? value)
        {
            switch (property)
            {
                case MetadataSymbols.Interval when value is int interval && interval <= 0:
                    return "Interval " + interval + " (it must be 1 or more)";
                case MetadataSymbols.RetentionHistory when value is int retention && retention < 0:
                    return "RetentionHistory " + retention + " (it must be 0 or more)";
                case MetadataSymbols.MaximumDuration when value is int duration && duration < 1:
                    return "MaximumDuration " + duration + " (it must be at least 1 minute)";
                case MetadataSymbols.Name when value == null:
                    return "Name null (the job row requires a name)";
                case MetadataSymbols.Name when value is string name && name.Length > MaxColumnLength:
                    return "Name of " + name.Length + " characters (the column holds " + MaxColumnLength + ")";
                default:
                    return null;
            }
        }

        /// <summary>
        /// Returns the job type as the framework stores it in the JobType column: the CLR full
        /// name (namespace, nested types joined by '+', generic arity) and the assembly name,
        /// as "Namespace.Type, Assembly", without version, culture or public key token.
        /// </summary>
        public static string StoredTypeName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var container = type.ContainingType; container != null; container = container.ContainingType)
            {
                name = container.MetadataName + "+" + name;
            }

            var ns = type.ContainingNamespace;
            if (ns != null && !ns.IsGlobalNamespace)
            {
                name = ns.ToDisplayString() + "." + name;
            }

            return name + ", " + type.ContainingAssembly.Name;
        }

        /// <summary>
        /// Returns the value of a DateTime whose value is fixed at compile time: DateTime.MinValue,
        /// DateTime.MaxValue, or <c>new DateTime(...)</c> whose arguments are all constants.
        /// </summary>
        public static DateTime? ConstantDate(IOperation operation)
        {
            switch (MetadataAssignment.Unwrap(operation))
            {
                case IFieldReferenceOperation field when MetadataSymbols.IsDateTime(field.Field.ContainingType) && field.Field.IsStatic:
                    return field.Field.Name == nameof(DateTime.MinValue) ? DateTime.MinValue
                        : field.Field.Name == nameof(DateTime.MaxValue) ? DateTime.MaxValue
                        : (DateTime?)null;
                case IObjectCreationOperation creation when MetadataSymbols.IsDateTime(creation.Type) && creation.Constructor != null:
                    return Construct(creation);
                default:
                    return null;
            }
        }

        private static DateTime? Construct(IObjectCreationOperation creation)
        {
            long ticks = -1;
            int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
            foreach (var argument in creation.Arguments)
            {
                var parameter = argument.Parameter;
                var constant = argument.Value.ConstantValue;
                if (parameter == null || !constant.HasValue)
                {
                    return null;
                }

                switch (parameter.Name)
                {
                    case "ticks" when constant.Value is long value:
                        ticks = value;
                        break;
                    case "year" when constant.Value is int value:
                        year = value;
                        break;
                    case "month" when constant.Value is int value:
                        month = value;
                        break;
                    case "day" when constant.Value is int value:
                        day = value;
                        break;
                    case "hour" when constant.Value is int value:
                        hour = value;
                        break;
                    case "minute" when constant.Value is int value:
                        minute = value;
                        break;
                    case "second" when constant.Value is int value:
                        second = value;
                        break;
                    case "millisecond" when constant.Value is int value:
                        millisecond = value;
                        break;
                    case "kind":
                        break;
                    default:
                        // Calendars, microseconds and other overloads are not evaluated.
                        return null;
                }
            }

            try
            {
                return ticks >= 0 ? new DateTime(ticks) : new DateTime(year, month, day, hour, minute, second, millisecond);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }
    }
}
