using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Oqjob.Analyzers.Tests;

/// <summary>Checks every descriptor against its docs page and the release-tracking files; the generated rule index has its own test on the command-line side.</summary>
public class DescriptorTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> DiagnosticIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void IdsAreUniqueAndWellFormed()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^OQJ[1-8][0-9]{3}$", id));
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void HelpLinkPointsToDocsPage(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);

        var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs page {page} is missing");
        var text = File.ReadAllText(page);
        foreach (var heading in new[] { "## Cause", "## Why", "## How to fix", "## Configuration", "## How to suppress", "## Known limitations" })
        {
            Assert.Contains(heading, text);
        }

        Assert.StartsWith($"# {id}: {descriptor.Title}", text);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void DocsPageStatesFamilyAndSeverity(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md"));
        Assert.Contains($"| Rule family | {RuleFamilies.Label(id)} |", page);
        Assert.Contains($"| Default severity | {SarifLevel(descriptor.DefaultSeverity)} |", page);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void CategoryMatchesFamily(string id)
    {
        var categories = new[]
        {
            RuleCategories.JobTypeAndPlacement, RuleCategories.ConstructorAndScope, RuleCategories.Metadata, RuleCategories.Execution,
            RuleCategories.TenantSafety, RuleCategories.ErrorsAndOutput, RuleCategories.Idempotency, RuleCategories.FrameworkLifecycle,
        };
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.Equal(categories[RuleFamilies.Number(id) - 1], descriptor.Category);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void ReleaseTrackingHasEntry(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var folder = Path.Combine(RepositoryRoot, "analyzer-cs", "Oqjob.Analyzers");
        var tracked = File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", tracked);
    }

    [Fact]
    public void EveryDescriptorIsSupportedByAnAnalyzer()
    {
        var supported = typeof(Descriptors).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .ToHashSet();
        Assert.All(AllDescriptors(), descriptor => Assert.Contains(descriptor.Id, supported));
    }

    // The severity names of SARIF, which reports and docs pages use (note is the compiler's info).
    private static string SarifLevel(DiagnosticSeverity severity)
    {
        return severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
    {
        return typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "global.json")) && Directory.Exists(Path.Combine(folder.FullName, "docs")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with global.json and docs/) was not found above " + AppContext.BaseDirectory);
    }
}
