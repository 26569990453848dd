using System.Composition;
using Microsoft.CodeAnalysis.CodeFixes;
using Oqjob.Analyzers.CodeFixes;
using Xunit;

namespace Oqjob.Analyzers.Tests.CodeFixes;

public class CodeFixProviderTests
{
    public static TheoryData<Type> ProviderTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in Providers())
        {
            data.Add(type);
        }

        return data;
    }

    private static List<Type> Providers()
    {
        return typeof(InvalidFrequencyCodeFix).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();
    }

    // The code-fix test framework skips its fix-all checks when a provider has no fix-all, so this is checked here.
    [Theory]
    [MemberData(nameof(ProviderTypes))]
    public void Provider_SupportsFixAllScopes(Type type)
    {
        var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
        var fixAll = provider.GetFixAllProvider();

        Assert.NotNull(fixAll);
        Assert.Contains(FixAllScope.Document, fixAll.GetSupportedFixAllScopes());
        Assert.Contains(FixAllScope.Project, fixAll.GetSupportedFixAllScopes());
        Assert.Contains(FixAllScope.Solution, fixAll.GetSupportedFixAllScopes());
    }

    // IDEs and dotnet format find providers through these attributes.
    [Theory]
    [MemberData(nameof(ProviderTypes))]
    public void Provider_IsExportedAndShared(Type type)
    {
        Assert.NotNull(type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), inherit: false).SingleOrDefault());
        Assert.NotNull(type.GetCustomAttributes(typeof(SharedAttribute), inherit: false).SingleOrDefault());
    }

    [Fact]
    public void Assembly_HasEightProviders()
    {
        Assert.Equal(8, Providers().Count);
    }
}
