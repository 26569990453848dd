using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Tests.Infrastructure;

/// <summary>
/// Metadata references of the .NET and ASP.NET Core reference packs, taken from the list
/// that the test project's build writes next to the test assembly (no download at test time).
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFramework);

    public static ImmutableArray<MetadataReference> Framework => FrameworkReferences.Value;

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var listPath = Path.Combine(AppContext.BaseDirectory, "framework-references.txt");
        if (!File.Exists(listPath))
        {
            throw new InvalidOperationException(
                $"The reference list {listPath} is missing; build the test project with dotnet build so that its WriteFrameworkReferencePaths target writes it.");
        }

        return File.ReadAllLines(listPath)
            .Where(line => line.Length > 0)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
