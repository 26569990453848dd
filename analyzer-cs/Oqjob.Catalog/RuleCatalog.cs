using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oqjob.Catalog;

/// <summary>One rule of the catalog, in the shape the command line reads.</summary>
public sealed record CatalogRule(
    string Id,
    string Name,
    string Title,
    string MessageFormat,
    string Description,
    string Category,
    string Family,
    string DefaultSeverity,
    string HelpUri,
    IReadOnlyList<string> Tags,
    string Analyzer);

/// <summary>Collects the descriptors that oqjob's analyzers support, ordered by ID.</summary>
public static class RuleCatalog
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,

        // The file is read by people too: keep apostrophes and quotes in messages as written.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IReadOnlyList<CatalogRule> Collect()
    {
        var analyzerAssembly = typeof(Oqjob.Analyzers.Descriptors).Assembly;
        var names = typeof(Oqjob.Analyzers.DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(field => (string)field.GetRawConstantValue()!, field => field.Name);

        var rules = new List<CatalogRule>();
        foreach (var analyzerType in analyzerAssembly.GetTypes().Where(IsAnalyzer).OrderBy(type => type.Name, StringComparer.Ordinal))
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(analyzerType)!;
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                rules.Add(ToRule(descriptor, names, analyzerType.Name));
            }
        }

        return rules.OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();
    }

    public static string ToJson(IReadOnlyList<CatalogRule> rules)
    {
        return JsonSerializer.Serialize(new { formatVersion = FormatVersion, rules }, JsonOptions) + "\n";
    }

    private static bool IsAnalyzer(Type type)
    {
        return !type.IsAbstract
            && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null;
    }

    private static CatalogRule ToRule(DiagnosticDescriptor descriptor, IReadOnlyDictionary<string, string> names, string analyzer)
    {
        if (!names.TryGetValue(descriptor.Id, out var name))
        {
            throw new InvalidOperationException($"Descriptor {descriptor.Id} has no constant in DiagnosticIds; add one so the rule has a stable name.");
        }

        return new CatalogRule(
            descriptor.Id,
            name,
            descriptor.Title.ToString(),
            descriptor.MessageFormat.ToString(),
            descriptor.Description.ToString(),
            descriptor.Category,
            Oqjob.Analyzers.RuleFamilies.Label(descriptor.Id),
            SarifLevel(descriptor.DefaultSeverity),
            descriptor.HelpLinkUri,
            descriptor.CustomTags.ToList(),
            analyzer);
    }

    // SARIF's names for the severities, which the command line uses everywhere.
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
}
