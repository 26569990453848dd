using Microsoft.CodeAnalysis;
using Oqjob.Analyzers.Host;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Host;

public class HostModeSuppressorTests
{
    private const string Usings = """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;

        """;

    // OQJ2002 (error by default) and OQJ2003 (warning by default) on one constructor.
    private const string Job = Usings + """
        public class CapturingJob : HostedServiceBase
        {
            public CapturingJob(IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenants, {|OQJ2003:string|} name) : base(factory) { }

            public override string ExecuteJob(IServiceProvider provider) => "";
        }
        """;

    [Fact]
    public async Task HostMode_ErrorStaysErrorAndIsSuppressed()
    {
        var diagnostics = await HostTest().RunAsync();

        var error = diagnostics.Single(d => d.Id == "OQJ2002");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.True(error.IsSuppressed);
        var warning = diagnostics.Single(d => d.Id == "OQJ2003");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.False(warning.IsSuppressed);
    }

    [Fact]
    public async Task HostMode_ConfiguredSeveritiesApply()
    {
        // Raised to error: suppressed like a default error. Lowered to warning: left alone.
        var test = HostTest();
        test.SpecificDiagnosticOptions["OQJ2003"] = ReportDiagnostic.Error;
        test.SpecificDiagnosticOptions["OQJ2002"] = ReportDiagnostic.Warn;
        var diagnostics = await test.RunAsync();

        var raised = diagnostics.Single(d => d.Id == "OQJ2003");
        Assert.Equal(DiagnosticSeverity.Error, raised.Severity);
        Assert.True(raised.IsSuppressed);
        var lowered = diagnostics.Single(d => d.Id == "OQJ2002");
        Assert.Equal(DiagnosticSeverity.Warning, lowered.Severity);
        Assert.False(lowered.IsSuppressed);
    }

    [Fact]
    public async Task HostMode_NoneRemovesTheFinding()
    {
        var test = HostTest();
        test.SpecificDiagnosticOptions["OQJ2002"] = ReportDiagnostic.Suppress;
        test.Sources.Clear();
        test.WithSource(Job.Replace("{|OQJ2002:ITenantManager|}", "ITenantManager"));

        var diagnostics = await test.RunAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "OQJ2002");
    }

    [Fact]
    public async Task OutsideHostMode_NothingSuppressed()
    {
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer> { ReportSuppressedDiagnostics = true };
        test.AdditionalAnalyzers.Add(new HostModeSuppressor());
        test.WithSource(Job);

        var error = (await test.RunAsync()).Single(d => d.Id == "OQJ2002");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(DiagnosticSeverity.Error, error.DefaultSeverity);
        Assert.False(error.IsSuppressed);
    }

    [Fact]
    public void SupportedSuppressions_CoverEveryRule()
    {
        var ruleIds = typeof(Descriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(type) && type != typeof(HostModeSuppressor))
            .SelectMany(type => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .Distinct()
            .OrderBy(id => id, StringComparer.Ordinal);

        var suppressed = new HostModeSuppressor().SupportedSuppressions
            .Select(suppression => suppression.SuppressedDiagnosticId)
            .OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(ruleIds, suppressed);
        Assert.All(new HostModeSuppressor().SupportedSuppressions, s => Assert.Matches("^OQJH[0-9]{4}$", s.Id));
    }

    private static AnalyzerTest<ConstructorAndScopeAnalyzer> HostTest()
    {
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer> { ReportSuppressedDiagnostics = true };
        test.GlobalOptions["build_property.OqjobHostMode"] = "true";
        test.AdditionalAnalyzers.Add(new HostModeSuppressor());
        test.WithSource(Job);
        return test;
    }
}
