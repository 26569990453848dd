using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// The symbols that the metadata rules (R3) compare against: the metadata properties of
    /// HostedServiceBase that exist in the referenced Oqtane version, and the date and time types.
    /// Resolved once per compilation.
    /// </summary>
    internal sealed class MetadataSymbols
    {
        public const string Name = "Name";
        public const string Frequency = "Frequency";
        public const string Interval = "Interval";
        public const string StartDate = "StartDate";
        public const string EndDate = "EndDate";
        public const string RetentionHistory = "RetentionHistory";
        public const string IsEnabled = "IsEnabled";
        public const string MaximumDuration = "MaximumDuration";

        /// <summary>The eight properties that the framework copies into the job row.</summary>
        public static readonly ImmutableArray<string> PropertyNames = ImmutableArray.Create(
            Name, Frequency, Interval, StartDate, EndDate, RetentionHistory, IsEnabled, MaximumDuration);

        private MetadataSymbols(Compilation compilation, KnownTypes knownTypes)
        {
            KnownTypes = knownTypes;
            var properties = ImmutableDictionary.CreateBuilder<string, IPropertySymbol>();
            foreach (var name in PropertyNames)
            {
                foreach (var member in knownTypes.HostedServiceBase!.GetMembers(name))
                {
                    if (member is IPropertySymbol property)
                    {
                        properties[name] = property;
                    }
                }
            }

            Properties = properties.ToImmutable();
            DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
            DateTimeKind = compilation.GetTypeByMetadataName("System.DateTimeKind");
            DateTimeStyles = compilation.GetTypeByMetadataName("System.Globalization.DateTimeStyles");
        }

        public KnownTypes KnownTypes { get; }

        /// <summary>
        /// The metadata properties declared by HostedServiceBase, by name. MaximumDuration is
        /// missing before Oqtane 10.2.0, because the referenced HostedServiceBase does not declare it.
        /// </summary>
        public ImmutableDictionary<string, IPropertySymbol> Properties { get; }

        public INamedTypeSymbol? DateTimeOffset { get; }
        public INamedTypeSymbol? DateTimeKind { get; }
        public INamedTypeSymbol? DateTimeStyles { get; }

        /// <summary>Returns null when the compilation has no HostedServiceBase, so that no rule runs.</summary>
        public static MetadataSymbols? Create(Compilation compilation, KnownTypes knownTypes)
        {
            return knownTypes.HostedServiceBase == null ? null : new MetadataSymbols(compilation, knownTypes);
        }

        /// <summary>Returns the metadata property of HostedServiceBase that the reference names, or null.</summary>
        public IPropertySymbol? MetadataProperty(IPropertyReferenceOperation reference)
        {
            var property = reference.Property.OriginalDefinition;
            return Properties.TryGetValue(property.Name, out var metadata) && SymbolEqualityComparer.Default.Equals(property, metadata)
                ? metadata
                : null;
        }

        public static bool IsDateTime(ITypeSymbol? type)
        {
            return type?.SpecialType == SpecialType.System_DateTime;
        }

        public bool IsDateTimeOffset(ITypeSymbol? type)
        {
            return type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, DateTimeOffset);
        }

        /// <summary>True for DateTime, DateTimeOffset and their nullable forms: the types a last-run time is kept in.</summary>
        public bool IsPointInTime(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return IsDateTime(type) || IsDateTimeOffset(type);
        }
    }
}
