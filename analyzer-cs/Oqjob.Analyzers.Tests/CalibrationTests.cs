using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests;

/// <summary>
/// Runs every oqjob analyzer on re-creations of the framework's own five jobs
/// (fixtures/framework-jobs). A pattern the framework itself uses is never an error.
/// </summary>
public class CalibrationTests
{
    [Fact]
    public async Task FrameworkJobs_HaveNoError()
    {
        var diagnostics = await AnalyzeFrameworkJobsAsync();

        var errors = diagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).Select(Describe).ToList();
        Assert.True(errors.Count == 0, "oqjob reports errors on the framework's own jobs:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task FrameworkJobs_HaveOnlyTheExplainedWarnings()
    {
        // The framework's jobs resolve services and read sites before their per-item try/catch
        // (OQJ6001), and the synchronization job ignores a failure with an empty catch (OQJ6003).
        // Both rules' pages explain why the warning stays on such code.
        var expected = new[]
        {
            "OQJ6001 NotificationJob.cs",
            "OQJ6001 PurgeJob.cs",
            "OQJ6001 SearchIndexJob.cs",
            "OQJ6001 SiteTaskJob.cs",
            "OQJ6001 SynchronizationJob.cs",
            "OQJ6003 SynchronizationJob.cs",
        };

        var diagnostics = await AnalyzeFrameworkJobsAsync();

        var actual = diagnostics.Select(d => d.Id + " " + d.Location.SourceTree?.FilePath).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    internal static async Task<ImmutableArray<Diagnostic>> AnalyzeFrameworkJobsAsync()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "FrameworkJobs");
        var trees = Directory.GetFiles(directory, "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), Path.GetFileName(path)));
        var compilation = CSharpCompilation.Create(
            "Oqtane.FrameworkJobs",
            trees,
            TestReferences.Framework.AddRange(OqtaneStandIn.References(OqtaneStandIn.CurrentVersion)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, string.Join(Environment.NewLine, compileErrors));

        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers()).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    internal static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers()
    {
        return typeof(Descriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
    }

    private static string Describe(Diagnostic diagnostic)
    {
        return diagnostic.Id + " " + diagnostic.Location.GetLineSpan() + ": " + diagnostic.GetMessage();
    }
}
