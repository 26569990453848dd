using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>Rule family R3, metadata (OQJ3001-OQJ3007).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MetadataAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.RedeclaredMetadata,
            Descriptors.InvalidFrequency,
            Descriptors.ImpossibleMetadataValue,
            Descriptors.MetadataOutsideConstructor,
            Descriptors.LocalTimeSchedule,
            Descriptors.DefaultMetadata,
            Descriptors.SelfManagedTiming);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();

            // TODO: register the R3 rules.
        }
    }
}
