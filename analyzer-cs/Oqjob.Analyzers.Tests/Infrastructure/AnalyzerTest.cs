using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Oqjob.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer on test sources written with location markup and compares the
/// diagnostics it reports with the markup. Sources that do not compile fail the test.
/// </summary>
internal sealed class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>Sources of the compilation under test, as (file name, markup).</summary>
    public List<(string FileName, string Markup)> Sources { get; } = new();

    /// <summary>
    /// Sources of a library compiled first into its own assembly and referenced as metadata,
    /// for a base class that lives in another project or package.
    /// </summary>
    public List<string> LibrarySources { get; } = new();

    public string LibraryAssemblyName { get; set; } = "Sample.Module.Shared.Oqtane";

    /// <summary>Extern aliases of the library reference; empty for the global alias.</summary>
    public List<string> LibraryAliases { get; } = new();

    public string AssemblyName { get; set; } = "Sample.Module.Server.Oqtane";

    /// <summary>The Oqtane stand-in version to reference, or null to reference no Oqtane assembly.</summary>
    public string? OqtaneVersion { get; set; } = OqtaneStandIn.CurrentVersion;

    /// <summary>Further metadata references, such as <see cref="TestPackages"/>' scheduling libraries.</summary>
    public List<MetadataReference> AdditionalReferences { get; } = new();

    /// <summary>Analyzers run together with <typeparamref name="TAnalyzer"/>, for tests across rule families.</summary>
    public List<DiagnosticAnalyzer> AdditionalAnalyzers { get; } = new();

    /// <summary>Global analyzer options, as MSBuild's build_property entries.</summary>
    public Dictionary<string, string> GlobalOptions { get; } = new();

    /// <summary>Severity options by ID, as /warnaserror or /nowarn give them.</summary>
    public Dictionary<string, ReportDiagnostic> SpecificDiagnosticOptions { get; } = new();

    /// <summary>Also return suppressed diagnostics (marked IsSuppressed), as the compiler's error log lists them.</summary>
    public bool ReportSuppressedDiagnostics { get; set; }

    public AnalyzerTest<TAnalyzer> WithSource(string markup, string? fileName = null)
    {
        Sources.Add((fileName ?? $"Test{Sources.Count}.cs", markup));
        return this;
    }

    /// <summary>Runs the analyzer, asserts that the diagnostics match the markup, and returns them for further checks.</summary>
    public async Task<ImmutableArray<Diagnostic>> RunAsync()
    {
        var expected = new List<ExpectedDiagnostic>();
        var trees = new List<SyntaxTree>();
        foreach (var (fileName, markup) in Sources)
        {
            var (source, expectedInFile) = Markup.Parse(markup, fileName);
            expected.AddRange(expectedInFile);
            trees.Add(CSharpSyntaxTree.ParseText(source, ParseOptions, fileName));
        }

        var compilation = CSharpCompilation.Create(
            AssemblyName,
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SpecificDiagnosticOptions));
        AssertCompiles(compilation);

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()).AddRange(AdditionalAnalyzers);
        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new TestAnalyzerConfigOptionsProvider(GlobalOptions));
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, ReportSuppressedDiagnostics));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        var analyzerExceptions = diagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(analyzerExceptions.Count == 0, "The analyzer threw: " + string.Join(Environment.NewLine, analyzerExceptions));

        var textByFile = trees.ToDictionary(tree => tree.FilePath, tree => tree.GetText());
        Assert.Equal(Describe(expected, textByFile), Describe(diagnostics, textByFile));
        return diagnostics;
    }

    private IEnumerable<MetadataReference> References()
    {
        var references = TestReferences.Framework.ToList();
        references.AddRange(AdditionalReferences);
        if (OqtaneVersion != null)
        {
            references.AddRange(OqtaneStandIn.References(OqtaneVersion));
        }

        if (LibrarySources.Count > 0)
        {
            var library = CSharpCompilation.Create(
                LibraryAssemblyName,
                LibrarySources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, $"Library{index}.cs")),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var libraryReference = InMemoryAssembly.Emit(library);
            references.Add(LibraryAliases.Count > 0 ? libraryReference.WithAliases(LibraryAliases) : libraryReference);
        }

        return references;
    }

    private static void AssertCompiles(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    private static string Describe(IEnumerable<ExpectedDiagnostic> expected, IReadOnlyDictionary<string, SourceText> textByFile)
    {
        return Join(expected.Select(e => (e.Id, e.FilePath, e.Span)), textByFile);
    }

    private static string Describe(IEnumerable<Diagnostic> actual, IReadOnlyDictionary<string, SourceText> textByFile)
    {
        return Join(actual.Select(d => (d.Id, d.Location.SourceTree?.FilePath ?? "", d.Location.SourceSpan)), textByFile);
    }

    // One diagnostic per line, sorted, with its position and the text it covers, so that a
    // failing comparison shows at a glance what is missing or extra.
    private static string Join(IEnumerable<(string Id, string File, TextSpan Span)> items, IReadOnlyDictionary<string, SourceText> textByFile)
    {
        return string.Join(
            Environment.NewLine,
            items.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Span.Start).ThenBy(i => i.Id, StringComparer.Ordinal)
                .Select(i => Format(i.Id, i.File, i.Span, textByFile)));
    }

    private static string Format(string id, string file, TextSpan span, IReadOnlyDictionary<string, SourceText> textByFile)
    {
        if (!textByFile.TryGetValue(file, out var text))
        {
            return $"{id} {file}[{span.Start}..{span.End}]";
        }

        var start = text.Lines.GetLinePosition(span.Start);
        return $"{id} {file}({start.Line + 1},{start.Character + 1}) '{text.ToString(span)}'";
    }
}

/// <summary>Shorthand for the common case: one analyzer, sources with markup, the current Oqtane.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task<ImmutableArray<Diagnostic>> AnalyzerAsync(params string[] sources)
    {
        var test = new AnalyzerTest<TAnalyzer>();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test.RunAsync();
    }
}
