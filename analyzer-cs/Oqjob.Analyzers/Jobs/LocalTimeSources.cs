using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Traces a DateTime value back to where its clock reading or kind comes from and names a
    /// local or unspecified source (DateTime.Now, new DateTime without DateTimeKind.Utc,
    /// parsing without conversion to UTC). Arithmetic such as AddHours keeps the source's kind;
    /// ToUniversalTime and DateTime.SpecifyKind(..., DateTimeKind.Utc) end the trace as UTC.
    /// </summary>
    internal static class LocalTimeSources
    {
        private const int DateTimeKindUtc = 1;
        private const int DateTimeKindLocal = 2;
        private const int DateTimeStylesAdjustToUniversal = 16;
        private const int DateTimeStylesAssumeUniversal = 64;
        private const int MaxLocalDepth = 8;

        /// <summary>Returns a description of the local or unspecified source, or null when the value is UTC or cannot be traced.</summary>
        public static string? Describe(IOperation value, MemberBody body, JobModel model, MetadataSymbols symbols)
        {
            return Describe(value, body, model, symbols, 0);
        }

        private static string? Describe(IOperation value, MemberBody body, JobModel model, MetadataSymbols symbols, int depth)
        {
            switch (MetadataAssignment.Unwrap(value))
            {
                case IPropertyReferenceOperation property:
                    return DescribeProperty(property, body, model, symbols, depth);
                case IInvocationOperation invocation when MetadataSymbols.IsDateTime(invocation.TargetMethod.ContainingType):
                    return DescribeInvocation(invocation, body, model, symbols, depth);
                case IObjectCreationOperation creation when MetadataSymbols.IsDateTime(creation.Type):
                    return DescribeKind(creation.Arguments.FirstOrDefault(IsKindArgument), "new DateTime(...)");
                case ILocalReferenceOperation local when depth < MaxLocalDepth:
                    var initializer = SingleValue(local.Local, body);
                    return initializer == null ? null : Describe(initializer, body, model, symbols, depth + 1);
                case IFieldReferenceOperation field when depth < MaxLocalDepth && field.Field.IsReadOnly && model.IsMemberOfJob(field.Field):
                    var fieldInitializer = ReadOnlyFieldInitializer(field.Field, model);
                    return fieldInitializer == null ? null : Describe(fieldInitializer.Value.Value, fieldInitializer.Value.Body, model, symbols, depth + 1);
                default:
                    // NOTE: properties, method results and fields set in the constructor are not traced, so their local times go unreported.
                    return null;
            }
        }

        private static string? DescribeProperty(IPropertyReferenceOperation property, MemberBody body, JobModel model, MetadataSymbols symbols, int depth)
        {
            var name = property.Property.Name;
            if (MetadataSymbols.IsDateTime(property.Property.ContainingType))
            {
                switch (name)
                {
                    case "Now":
                        return "DateTime.Now";
                    case "Today":
                        return "DateTime.Today";
                    case "Date" when property.Instance != null:
                        return Describe(property.Instance, body, model, symbols, depth);
                    default:
                        return null;
                }
            }

            if (symbols.IsDateTimeOffset(property.Property.ContainingType) && property.Instance != null)
            {
                switch (name)
                {
                    case "LocalDateTime":
                        return "DateTimeOffset.LocalDateTime";
                    case "DateTime" when IsOffsetNow(property.Instance):
                        return "DateTimeOffset.Now.DateTime";
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsOffsetNow(IOperation instance)
        {
            return MetadataAssignment.Unwrap(instance) is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" } };
        }

        private static string? DescribeInvocation(IInvocationOperation invocation, MemberBody body, JobModel model, MetadataSymbols symbols, int depth)
        {
            var method = invocation.TargetMethod;
            if (!method.IsStatic)
            {
                if (method.Name == "ToLocalTime")
                {
                    return "ToLocalTime()";
                }

                // AddHours, Add, Subtract(TimeSpan) and the like keep the kind of their instance.
                var keepsKind = (method.Name.StartsWith("Add", System.StringComparison.Ordinal) || method.Name == "Subtract")
                    && MetadataSymbols.IsDateTime(method.ReturnType);
                return keepsKind && invocation.Instance != null ? Describe(invocation.Instance, body, model, symbols, depth) : null;
            }

            switch (method.Name)
            {
                case "SpecifyKind":
                    return DescribeKind(invocation.Arguments.FirstOrDefault(IsKindArgument), "DateTime.SpecifyKind");
                case "Parse":
                case "ParseExact":
                    return DescribeParse(invocation, symbols);
                default:
                    return null;
            }
        }

        private static bool IsKindArgument(IArgumentOperation argument)
        {
            return argument.Parameter?.Name == "kind";
        }

        private static string? DescribeKind(IArgumentOperation? kindArgument, string source)
        {
            if (kindArgument == null)
            {
                return source + " without DateTimeKind.Utc";
            }

            var kind = kindArgument.Value.ConstantValue;
            if (!kind.HasValue || !(kind.Value is int value))
            {
                return null;
            }

            return value == DateTimeKindUtc ? null
                : value == DateTimeKindLocal ? source + " with DateTimeKind.Local"
                : source + " with DateTimeKind.Unspecified";
        }

        // Parse returns an unspecified time for a string without an offset. AssumeUniversal alone
        // converts the result to local time; only AdjustToUniversal returns UTC.
        private static string? DescribeParse(IInvocationOperation invocation, MetadataSymbols symbols)
        {
            var source = "DateTime." + invocation.TargetMethod.Name;
            var styles = invocation.Arguments.FirstOrDefault(argument =>
                SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, symbols.DateTimeStyles));
            if (styles == null)
            {
                return source + " without conversion to UTC";
            }

            var constant = styles.Value.ConstantValue;
            if (!constant.HasValue || !(constant.Value is int flags))
            {
                return null;
            }

            if ((flags & DateTimeStylesAdjustToUniversal) != 0)
            {
                return null;
            }

            return (flags & DateTimeStylesAssumeUniversal) != 0
                ? source + " with AssumeUniversal but without AdjustToUniversal, which returns local time"
                : source + " without conversion to UTC";
        }

        private static bool DeclaresLocal(IPatternOperation pattern, ILocalSymbol local)
        {
            var declared = pattern switch
            {
                IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
                IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
                _ => null,
            };
            return SymbolEqualityComparer.Default.Equals(declared, local);
        }

        /// <summary>
        /// Returns the value a pattern matches (<c>x is { } y</c> gives y the value of x), or null
        /// when the pattern matches a member of it, as in a property subpattern.
        /// </summary>
        private static IOperation? PatternInput(IPatternOperation pattern)
        {
            IOperation current = pattern;
            while (current.Parent is IPatternOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression }:
                    return switchExpression.Value;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Returns the initializer of a read-only field of the job with the body it belongs to, or
        /// null when the field has none or a constructor assigns it as well.
        /// </summary>
        private static (IOperation Value, MemberBody Body)? ReadOnlyFieldInitializer(IFieldSymbol field, JobModel model)
        {
            foreach (var (_, operation) in model.AllOperations())
            {
                if (operation is IAssignmentOperation { Target: IFieldReferenceOperation target }
                    && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field.OriginalDefinition))
                {
                    return null;
                }
            }

            foreach (var body in model.AllBodies)
            {
                if (SymbolEqualityComparer.Default.Equals(body.Member, field.OriginalDefinition)
                    && body.Root is IFieldInitializerOperation initializer)
                {
                    return (initializer.Value, body);
                }
            }

            return null;
        }

        /// <summary>
        /// Returns the only value a local is given in the body (its initializer or one assignment),
        /// or null when it is assigned more than once.
        /// </summary>
        public static IOperation? SingleValue(ILocalSymbol local, MemberBody body)
        {
            IOperation? value = null;
            var count = 0;
            foreach (var operation in body.Operations())
            {
                if (operation is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                    && declarator.Initializer != null)
                {
                    value = declarator.Initializer.Value;
                    count++;
                }
                else if (operation is IPatternOperation pattern && DeclaresLocal(pattern, local))
                {
                    value = PatternInput(pattern);
                    count++;
                }
                else if (operation is IAssignmentOperation assignment
                    && assignment.Target is ILocalReferenceOperation target
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    value = assignment is ISimpleAssignmentOperation simple ? simple.Value : null;
                    count++;
                }
            }

            return count == 1 ? value : null;
        }
    }
}
