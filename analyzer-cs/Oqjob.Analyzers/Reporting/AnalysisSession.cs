using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oqjob.Analyzers.Reporting
{
    /// <summary>
    /// Per-compilation state shared by a rule's callbacks: the known types, and whether the
    /// analyzer runs inside <c>oqjob check</c>, which changes how severities are reported.
    /// </summary>
    internal sealed class AnalysisSession
    {
        /// <summary>MSBuild property that oqjob's injected targets set; visible to the analyzer as a build property.</summary>
        public const string HostModeProperty = "build_property.OqjobHostMode";

        /// <summary>Diagnostic property: fully qualified name of the type that contains the finding.</summary>
        public const string SymbolProperty = "OqjobSymbol";

        /// <summary>Diagnostic property: name of the member that contains the finding, when there is one.</summary>
        public const string MemberProperty = "OqjobMember";

        /// <summary>Diagnostic property, host mode only: the severity the finding has for the user (error, warning, note or none).</summary>
        public const string SeverityProperty = "OqjobSeverity";

        private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.CSharpErrorMessageFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private AnalysisSession(Compilation compilation, KnownTypes knownTypes, bool hostMode)
        {
            Compilation = compilation;
            KnownTypes = knownTypes;
            HostMode = hostMode;
        }

        public Compilation Compilation { get; }

        public KnownTypes KnownTypes { get; }

        /// <summary>
        /// True inside <c>oqjob check</c>. There a finding of error severity is reported to the
        /// compiler as a warning, because a compile error would stop the projects that depend on
        /// this one from being built and analyzed; the real severity travels in a property.
        /// </summary>
        public bool HostMode { get; }

        public static AnalysisSession Create(Compilation compilation, AnalyzerOptions options)
        {
            var hostMode = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(HostModeProperty, out var value)
                && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
            return new AnalysisSession(compilation, KnownTypes.Create(compilation), hostMode);
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
            CancellationToken cancellationToken,
            params object[] messageArgs)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[SymbolProperty] = DisplayName(containingType);
            if (containingMember != null)
            {
                properties[MemberProperty] = containingMember.Name;
            }

            if (!HostMode)
            {
                return Diagnostic.Create(descriptor, location, properties.ToImmutable(), messageArgs);
            }

            var configured = ConfiguredSeverity(descriptor.Id, location.SourceTree, cancellationToken);
            var intended = configured == ReportDiagnostic.Default ? ToReportDiagnostic(descriptor.DefaultSeverity) : configured;
            properties[SeverityProperty] = ToSarifLevel(intended);

            // A configured severity is applied by the compiler after this point whatever is
            // reported here; only the default severity can be lowered.
            var effective = descriptor.DefaultSeverity == DiagnosticSeverity.Error
                ? DiagnosticSeverity.Warning
                : descriptor.DefaultSeverity;
            return Diagnostic.Create(
                descriptor,
                location,
                effective,
                additionalLocations: null,
                properties: properties.ToImmutable(),
                messageArgs: messageArgs);
        }

        /// <summary>
        /// Returns the severity set for the ID by the compiler options, in the order the compiler
        /// applies them: command-line and rule-set options, then .editorconfig, then global config.
        /// </summary>
        private ReportDiagnostic ConfiguredSeverity(string id, SyntaxTree? tree, CancellationToken cancellationToken)
        {
            var options = Compilation.Options;
            if (options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific != ReportDiagnostic.Default)
            {
                return specific;
            }

            var treeOptions = options.SyntaxTreeOptionsProvider;
            if (treeOptions == null)
            {
                return ReportDiagnostic.Default;
            }

            if (tree != null && treeOptions.TryGetDiagnosticValue(tree, id, cancellationToken, out var fromTree))
            {
                return fromTree;
            }

            if (treeOptions.TryGetGlobalDiagnosticValue(id, cancellationToken, out var fromGlobal))
            {
                return fromGlobal;
            }

            return ReportDiagnostic.Default;
        }

        private static ReportDiagnostic ToReportDiagnostic(DiagnosticSeverity severity)
        {
            switch (severity)
            {
                case DiagnosticSeverity.Error:
                    return ReportDiagnostic.Error;
                case DiagnosticSeverity.Warning:
                    return ReportDiagnostic.Warn;
                case DiagnosticSeverity.Info:
                    return ReportDiagnostic.Info;
                default:
                    return ReportDiagnostic.Hidden;
            }
        }

        private static string ToSarifLevel(ReportDiagnostic report)
        {
            switch (report)
            {
                case ReportDiagnostic.Error:
                    return "error";
                case ReportDiagnostic.Warn:
                    return "warning";
                case ReportDiagnostic.Info:
                    return "note";
                default:
                    return "none";
            }
        }
    }
}
