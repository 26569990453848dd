using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>Rule family R5, tenant safety (OQJ5001-OQJ5004).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TenantSafetyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CrossTenantSwitching,
            Descriptors.MutableStaticState,
            Descriptors.InstanceStateWritten,
            Descriptors.InstallationWideRead);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();

            // TODO: register the R5 rules.
        }
    }
}
