using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>Rule family R6, errors and output (OQJ6001-OQJ6005).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ErrorsAndOutputAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UnguardedWork,
            Descriptors.ExceptionThrownOut,
            Descriptors.SwallowedException,
            Descriptors.CustomLogging,
            Descriptors.DiscardedOutput);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();

            // TODO: register the R6 rules.
        }
    }
}
