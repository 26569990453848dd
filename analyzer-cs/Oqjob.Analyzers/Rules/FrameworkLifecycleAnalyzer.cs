using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>Rule family R8, framework-owned lifecycle (OQJ8001-OQJ8004).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FrameworkLifecycleAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.JobPersistenceTouched,
            Descriptors.ManualHostedServiceRegistration,
            Descriptors.RedundantJobRegistration,
            Descriptors.OwnLocking);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();

            // TODO: register the R8 rules.
        }
    }
}
