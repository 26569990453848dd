using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oqjob.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer config options with the same global values for every tree, as MSBuild's generated global config gives.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions options;

    public TestAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string> globalOptions)
    {
        options = new DictionaryOptions(globalOptions.ToImmutableDictionary(KeyComparer));
    }

    public static StringComparer KeyComparer => AnalyzerConfigOptions.KeyComparer;

    public override AnalyzerConfigOptions GlobalOptions => options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            return values.TryGetValue(key, out value);
        }
    }
}
