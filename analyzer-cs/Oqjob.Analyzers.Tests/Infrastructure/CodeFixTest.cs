using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Oqjob.Analyzers.Tests.Infrastructure;

/// <summary>
/// The Roslyn code-fix test for one analyzer and one code fix, set up like
/// <see cref="AnalyzerTest{TAnalyzer}"/>: the reference packs listed by the build and the
/// Oqtane stand-in compiled in memory, so nothing is downloaded. Only the diagnostics listed
/// in <see cref="CheckedIds"/> are compared; the analyzer's other rules are disabled, so that
/// a test states only what its fix is about.
/// </summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public const string ModuleAssemblyName = "Sample.Module.Server.Oqtane";

    public CodeFixTest(params string[] checkedIds)
    {
        CheckedIds = checkedIds;

        // A target framework without a reference package resolves no assemblies, so the
        // framework never reaches for NuGet; the references come from TestReferences instead.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestReferences.Framework);
        TestState.AdditionalReferences.AddRange(OqtaneStandIn.References(OqtaneStandIn.CurrentVersion));

        foreach (var id in new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct())
        {
            if (!checkedIds.Contains(id))
            {
                DisabledDiagnostics.Add(id);
            }
        }

        // The analyzer reports OQJ1004 for an assembly whose name lacks "oqtane".
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!)
                .WithNullableContextOptions(NullableContextOptions.Enable);
            return solution
                .WithProjectAssemblyName(projectId, ModuleAssemblyName)
                .WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12));
        });
    }

    /// <summary>The diagnostic IDs that the test compares; all others of the analyzer are disabled.</summary>
    public IReadOnlyList<string> CheckedIds { get; }

    /// <summary>References the Oqtane stand-in at <paramref name="version"/> instead of the current release.</summary>
    public void UseOqtaneVersion(string version)
    {
        foreach (var reference in OqtaneStandIn.References(OqtaneStandIn.CurrentVersion))
        {
            TestState.AdditionalReferences.Remove(reference);
        }

        TestState.AdditionalReferences.AddRange(OqtaneStandIn.References(version));
    }
}
