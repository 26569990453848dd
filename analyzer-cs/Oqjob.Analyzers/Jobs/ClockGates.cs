using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Finds where the execution decides on its own whether to work. That is a comparison,
    /// pattern or switch on a part of the current time (Hour, Minute, Day, DayOfWeek, TimeOfDay),
    /// or a comparison between the clock and a DateTime field of the job that keeps a last-run time.
    /// </summary>
    internal static class ClockGates
    {
        private const int MaxLocalDepth = 8;

        // Day of the month counts too: `if (now.Day != 1) return` is a monthly schedule.
        private static readonly HashSet<string> ClockParts = new HashSet<string> { "Hour", "Minute", "Day", "DayOfWeek", "TimeOfDay" };

        /// <summary>A gate: the operation to report and what it gates on.</summary>
        public readonly struct Gate
        {
            public Gate(IOperation operation, string description)
            {
                Operation = operation;
                Description = description;
            }

            public IOperation Operation { get; }

            public string Description { get; }
        }

        /// <summary>Returns the gate that one operation of the execution is, or null when it gates on no time.</summary>
        public static Gate? Find(IOperation operation, MemberBody body, JobModel model, MetadataSymbols symbols)
        {
            foreach (var tested in TestedValues(operation))
            {
                var part = ClockPart(tested, body, symbols, 0);
                if (part != null && !ComparesWithOtherDate(operation, tested, body, symbols))
                {
                    return new Gate(tested, "the current time's " + part);
                }
            }

            var subpattern = ClockSubpattern(operation, body, symbols);
            if (subpattern != null)
            {
                return new Gate(operation, "the current time's " + subpattern);
            }

            if (operation is IBinaryOperation binary && IsComparison(binary.OperatorKind))
            {
                var kept = LastRunMember(binary, body, model, symbols);
                if (kept != null && ReadsClock(binary, body, symbols, 0))
                {
                    var kind = kept is IFieldSymbol ? "field" : "property";
                    return new Gate(binary, "a last-run time kept in the " + kind + " '" + kept.Name + "'");
                }
            }

            return null;
        }

        /// <summary>
        /// True when the other side of a comparison reads a part of a date that is not the clock,
        /// as in <c>item.Created.Day == DateTime.UtcNow.Day</c>: that filters data, it is no schedule.
        /// </summary>
        private static bool ComparesWithOtherDate(IOperation operation, IOperation tested, MemberBody body, MetadataSymbols symbols)
        {
            if (!(operation is IBinaryOperation binary))
            {
                return false;
            }

            var other = ReferenceEquals(tested, binary.LeftOperand) ? binary.RightOperand : binary.LeftOperand;
            return WithLocalValues(other, body, 0).Any(candidate =>
                candidate is IPropertyReferenceOperation { Instance: { } instance } property
                    && IsDateType(property.Property.ContainingType, symbols)
                    && !IsClock(instance, body, symbols, 0));
        }

        /// <summary>Returns "Hour", ... for <c>DateTime.Now is { Hour: >= 22 }</c>: a property pattern on a part of the current time.</summary>
        private static string? ClockSubpattern(IOperation operation, MemberBody body, MetadataSymbols symbols)
        {
            if (!(operation is IIsPatternOperation isPattern) || !IsClock(isPattern.Value, body, symbols, 0))
            {
                return null;
            }

            foreach (var descendant in isPattern.Pattern.DescendantsAndSelf())
            {
                if (descendant is IPropertySubpatternOperation { Member: IPropertyReferenceOperation member }
                    && ClockParts.Contains(member.Property.Name)
                    && MatchesPatternInput(descendant, isPattern))
                {
                    return member.Property.Name;
                }
            }

            return null;
        }

        /// <summary>
        /// True when the subpattern applies to the value the is-pattern tests, and not to a member
        /// of it: <c>is not { Hour: 3 }</c> counts, <c>is { Date: { Hour: 3 } }</c> does not.
        /// </summary>
        private static bool MatchesPatternInput(IOperation subpattern, IIsPatternOperation isPattern)
        {
            for (var current = subpattern.Parent; current != null && current != isPattern; current = current.Parent)
            {
                if (current is IPropertySubpatternOperation)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Returns the values a comparison, pattern match or switch tests.</summary>
        private static IEnumerable<IOperation> TestedValues(IOperation operation)
        {
            switch (operation)
            {
                case IBinaryOperation binary when IsComparison(binary.OperatorKind):
                    return new[] { binary.LeftOperand, binary.RightOperand };
                case IIsPatternOperation pattern:
                    return new[] { pattern.Value };
                case ISwitchOperation switchStatement:
                    return new[] { switchStatement.Value };
                case ISwitchExpressionOperation switchExpression:
                    return new[] { switchExpression.Value };
                default:
                    return Enumerable.Empty<IOperation>();
            }
        }

        private static bool IsComparison(BinaryOperatorKind kind)
        {
            switch (kind)
            {
                case BinaryOperatorKind.Equals:
                case BinaryOperatorKind.NotEquals:
                case BinaryOperatorKind.LessThan:
                case BinaryOperatorKind.LessThanOrEqual:
                case BinaryOperatorKind.GreaterThan:
                case BinaryOperatorKind.GreaterThanOrEqual:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Returns "Hour", "DayOfWeek", ... when the value is that part of the current time, directly or through locals.</summary>
        private static string? ClockPart(IOperation value, MemberBody body, MetadataSymbols symbols, int depth)
        {
            switch (MetadataAssignment.Unwrap(value))
            {
                case IPropertyReferenceOperation property
                    when ClockParts.Contains(property.Property.Name)
                        && IsDateType(property.Property.ContainingType, symbols)
                        && property.Instance != null
                        && IsClock(property.Instance, body, symbols, depth):
                    return property.Property.Name;
                case ILocalReferenceOperation local when depth < MaxLocalDepth:
                    var initializer = LocalTimeSources.SingleValue(local.Local, body);
                    return initializer == null ? null : ClockPart(initializer, body, symbols, depth + 1);
                case IBinaryOperation arithmetic when !IsComparison(arithmetic.OperatorKind):
                    // minute % 15 == 0 gates on the minute as much as minute == 0 does.
                    return ClockPart(arithmetic.LeftOperand, body, symbols, depth) ?? ClockPart(arithmetic.RightOperand, body, symbols, depth);
                default:
                    return null;
            }
        }

        /// <summary>True when the value is the current time: DateTime.Now, UtcNow or Today, DateTimeOffset.Now or UtcNow, directly or through a local.</summary>
        private static bool IsClock(IOperation value, MemberBody body, MetadataSymbols symbols, int depth)
        {
            switch (MetadataAssignment.Unwrap(value))
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true } clock }
                    when IsDateType(clock.ContainingType, symbols):
                    return clock.Name == "Now" || clock.Name == "UtcNow" || clock.Name == "Today";
                case IPropertyReferenceOperation { Property: { Name: "Date" or "DateTime" or "UtcDateTime" or "LocalDateTime" } } converted
                    when converted.Instance != null:
                    return IsClock(converted.Instance, body, symbols, depth);
                case IInvocationOperation { TargetMethod.Name: "ToUniversalTime" or "ToLocalTime" } conversion
                    when conversion.Instance != null:
                    return IsClock(conversion.Instance, body, symbols, depth);
                case ILocalReferenceOperation local when depth < MaxLocalDepth:
                    var initializer = LocalTimeSources.SingleValue(local.Local, body);
                    return initializer != null && IsClock(initializer, body, symbols, depth + 1);
                default:
                    return false;
            }
        }

        private static bool IsDateType(ITypeSymbol? type, MetadataSymbols symbols)
        {
            return MetadataSymbols.IsDateTime(type) || symbols.IsDateTimeOffset(type);
        }

        /// <summary>
        /// Returns a DateTime or DateTimeOffset field or property of the job that the comparison
        /// reads, or null. StartDate and EndDate belong to HostedServiceBase, so they do not count.
        /// </summary>
        private static ISymbol? LastRunMember(IOperation comparison, MemberBody body, JobModel model, MetadataSymbols symbols)
        {
            foreach (var operation in WithLocalValues(comparison, body, 0))
            {
                switch (operation)
                {
                    case IFieldReferenceOperation field
                        when model.IsMemberOfJob(field.Field) && !field.Field.IsConst && symbols.IsPointInTime(field.Field.Type):
                        return field.Field;
                    case IPropertyReferenceOperation property
                        when model.IsMemberOfJob(property.Property) && symbols.IsPointInTime(property.Property.Type):
                        return property.Property;
                }
            }

            return null;
        }

        private static bool ReadsClock(IOperation comparison, MemberBody body, MetadataSymbols symbols, int depth)
        {
            return WithLocalValues(comparison, body, depth).Any(operation => IsClock(operation, body, symbols, MaxLocalDepth));
        }

        /// <summary>Returns the operation's subtree, followed into the single values of the locals it reads.</summary>
        private static IEnumerable<IOperation> WithLocalValues(IOperation root, MemberBody body, int depth)
        {
            foreach (var operation in new[] { root }.Concat(root.Descendants()))
            {
                yield return operation;
                if (operation is ILocalReferenceOperation local && depth < MaxLocalDepth)
                {
                    var value = LocalTimeSources.SingleValue(local.Local, body);
                    if (value != null)
                    {
                        foreach (var inner in WithLocalValues(value, body, depth + 1))
                        {
                            yield return inner;
                        }
                    }
                }
            }
        }
    }
}
