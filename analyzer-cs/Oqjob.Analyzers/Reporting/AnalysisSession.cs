using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Host;

namespace Oqjob.Analyzers.Reporting
{
    /// <summary>
    /// Per-compilation state shared by a rule's callbacks: the known types, and whether the
    /// analyzer runs inside <c>oqjob check</c>, which changes how error findings are reported.
    /// </summary>
    internal sealed class AnalysisSession
    {
        /// <summary>MSBuild property that oqjob's injected targets set; visible to the analyzer as a build property.</summary>
        public const string HostModeProperty = "build_property.OqjobHostMode";

        /// <summary>Diagnostic property: fully qualified name of the type that contains the finding.</summary>
        public const string SymbolProperty = "OqjobSymbol";

        /// <summary>Diagnostic property: name of the member that contains the finding, when there is one.</summary>
        public const string MemberProperty = "OqjobMember";

        private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.CSharpErrorMessageFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private AnalysisSession(Compilation compilation, KnownTypes knownTypes, AnalyzerOptions options, bool hostMode)
        {
            Compilation = compilation;
            KnownTypes = knownTypes;
            Options = options;
            HostMode = hostMode;
        }

        public Compilation Compilation { get; }

        public KnownTypes KnownTypes { get; }

        /// <summary>The analyzer options, for the rule options that .editorconfig and .globalconfig set.</summary>
        public AnalyzerOptions Options { get; }

        /// <summary>
        /// True inside <c>oqjob check</c>. There an error finding is reported through a copy of its
        /// descriptor whose default severity is warning, which lets <see cref="Host.HostModeSuppressor"/>
        /// keep it from failing the compile; see that class for why.
        /// </summary>
        public bool HostMode { get; }

        public static AnalysisSession Create(Compilation compilation, AnalyzerOptions options)
        {
            return new AnalysisSession(compilation, KnownTypes.Create(compilation), options, IsHostMode(options));
        }

        /// <summary>True when the OqjobHostMode build property, which only oqjob's injected targets set, is true.</summary>
        public static bool IsHostMode(AnalyzerOptions options)
        {
            return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(HostModeProperty, out var value)
                && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        }

        public static string DisplayName(ISymbol symbol)
        {
            return symbol.ToDisplayString(TypeNameFormat);
        }

        /// <summary>Returns "Namespace.Type.Member" for messages; a constructor is shown as "Namespace.Type.Type".</summary>
        public static string MemberDisplayName(INamedTypeSymbol containingType, ISymbol member)
        {
            var memberName = member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
                ? containingType.Name
                : member.Name;
            return DisplayName(containingType) + "." + memberName;
        }

        /// <summary>Creates a diagnostic that carries the containing type and member for the report.</summary>
        public Diagnostic CreateDiagnostic(
            DiagnosticDescriptor descriptor,
            Location location,
            INamedTypeSymbol containingType,
            ISymbol? containingMember,
            params object[] messageArgs)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[SymbolProperty] = DisplayName(containingType);
            if (containingMember != null)
            {
                properties[MemberProperty] = containingMember.Name;
            }

            if (!HostMode || descriptor.DefaultSeverity != DiagnosticSeverity.Error)
            {
                return Diagnostic.Create(descriptor, location, properties.ToImmutable(), messageArgs);
            }

            // The effective severity stays error, so the compiler applies a configured severity
            // (or none) exactly as it does outside oqjob, and the error log shows the result.
            return Diagnostic.Create(
                HostDescriptors.Suppressible(descriptor),
                location,
                DiagnosticSeverity.Error,
                additionalLocations: null,
                properties: properties.ToImmutable(),
                messageArgs: messageArgs);
        }
    }
}
