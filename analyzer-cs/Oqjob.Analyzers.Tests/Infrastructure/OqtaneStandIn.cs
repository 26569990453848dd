using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Oqjob.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compiles the Oqtane stand-in (the same sources as fixtures/oqtane) in memory into the
/// assemblies Oqtane.Shared and Oqtane.Server at a chosen framework version.
/// </summary>
internal static class OqtaneStandIn
{
    public const string CurrentVersion = "10.2.4";

    private static readonly ConcurrentDictionary<string, ImmutableArray<MetadataReference>> Cache = new();

    public static ImmutableArray<MetadataReference> References(string version)
    {
        return Cache.GetOrAdd(version, Compile);
    }

    private static ImmutableArray<MetadataReference> Compile(string version)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: Symbols(Version.Parse(version)));
        var shared = CompileAssembly("Oqtane.Shared", "Oqtane.Shared", version, parseOptions, TestReferences.Framework);
        var server = CompileAssembly("Oqtane.Server", "Oqtane.Server", version, parseOptions, TestReferences.Framework.Add(shared));
        return ImmutableArray.Create(shared, server);
    }

    // The same version thresholds as fixtures/oqtane/Directory.Build.props.
    private static string[] Symbols(Version version)
    {
        var symbols = new List<string>();
        if (version >= new Version(4, 0, 3))
        {
            symbols.Add("OQTANE_EXECUTE_JOB_ASYNC");
        }

        if (version >= new Version(10, 1, 0))
        {
            symbols.Add("OQTANE_SITE_TASK");
        }

        if (version >= new Version(10, 2, 0))
        {
            symbols.Add("OQTANE_MAXIMUM_DURATION");
        }

        return symbols.ToArray();
    }

    private static MetadataReference CompileAssembly(
        string assemblyName,
        string sourceFolder,
        string version,
        CSharpParseOptions parseOptions,
        IEnumerable<MetadataReference> references)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "OqtaneStandIn", sourceFolder);
        var trees = Directory.GetFiles(folder, "*.cs")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .Append(CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}.0\")]", parseOptions));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return InMemoryAssembly.Emit(compilation);
    }
}
