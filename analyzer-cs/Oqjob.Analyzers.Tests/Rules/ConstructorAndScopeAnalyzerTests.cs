using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

public class ConstructorAndScopeAnalyzerTests
{
    private const string Usings = """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;

        """;

    private const string Execute = "public override string ExecuteJob(IServiceProvider provider) => \"\";";

    [Fact]
    public async Task FrameworkShapedConstructor_NoDiagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class PurgeLikeJob : HostedServiceBase
            {
                public PurgeLikeJob(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
                {
                    Name = "Purge";
                }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task NullPassedToBase_Diagnostic()
    {
        var diagnostics = await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class NullJob : HostedServiceBase
            {
                public {|OQJ2001:NullJob|}(IServiceScopeFactory factory) : base(null) { }

                {{Execute}}
            }
            """);
        Assert.Contains("passes 'null' to the base class", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task NoFactoryParameter_Diagnostic()
    {
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer>();
        test.WithSource(Usings + $$"""
            public abstract class ParameterlessBase : HostedServiceBase
            {
                protected ParameterlessBase() : base(null) { }
            }

            public class {|OQJ2001:ImplicitJob|} : ParameterlessBase
            {
                {{Execute}}
            }
            """);
        var diagnostics = await test.RunAsync();
        Assert.Contains("does not take IServiceScopeFactory", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task TwoPublicConstructors_Diagnostic()
    {
        var diagnostics = await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class {|OQJ2001:TwoWayJob|} : HostedServiceBase
            {
                public TwoWayJob(IServiceScopeFactory factory) : base(factory) { }

                public TwoWayJob(IServiceScopeFactory factory, {|OQJ2003:string|} name) : base(factory) { Name = name; }

                {{Execute}}
            }
            """);
        Assert.Contains("it has 2 public constructors", diagnostics.Single(d => d.Id == "OQJ2001").GetMessage());
    }

    [Fact]
    public async Task PrivateSecondConstructor_NoDiagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class ChainedJob : HostedServiceBase
            {
                public ChainedJob(IServiceScopeFactory factory) : this(factory, "Chained") { }

                private ChainedJob(IServiceScopeFactory factory, string name) : base(factory) { Name = name; }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task FactoryReplacedInThisChain_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class ChainedJob : HostedServiceBase
            {
                public {|OQJ2001:ChainedJob|}(IServiceScopeFactory factory) : this(null, "Chained") { }

                private ChainedJob(IServiceScopeFactory factory, string name) : base(factory) { Name = name; }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task AbstractIntermediatePassesFactory_NoDiagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }
            }

            public class ConcreteJob : ModuleJob
            {
                public ConcreteJob(IServiceScopeFactory factory) : base(factory) { }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task AbstractIntermediateDropsFactory_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(null) { }
            }

            public class ConcreteJob : ModuleJob
            {
                public {|OQJ2001:ConcreteJob|}(IServiceScopeFactory factory) : base(factory) { }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task GenericIntermediate_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class JobBase<T> : HostedServiceBase
            {
                protected JobBase(IServiceScopeFactory factory) : base(factory) { }
            }

            public class ItemJob : JobBase<int>
            {
                public ItemJob(IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenants) : base(factory) { }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task ReferencedAssemblyBase_Diagnostic()
    {
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer>();
        test.LibrarySources.Add(Usings + """
            namespace Sample.Shared;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }
            }

            public interface IReportService
            {
                string Build();
            }
            """);
        test.WithSource(Usings + $$"""
            public class ConcreteJob : Sample.Shared.ModuleJob
            {
                public ConcreteJob(IServiceScopeFactory factory, {|OQJ2002:Sample.Shared.IReportService|} reports) : base(factory) { }

                {{Execute}}
            }
            """);
        var diagnostics = await test.RunAsync();
        Assert.Contains("the module service 'Sample.Shared.IReportService'", diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("Acme.Reminders.Shared.Oqtane", "OQJ2002")]
    [InlineData("Acme.Utilities", "OQJ2003")]
    public async Task ServiceFromAssemblyWithoutOqtaneReference(string assemblyName, string expectedId)
    {
        // The library uses no Oqtane type, so its metadata references no Oqtane assembly;
        // only its name shows that it belongs to a module.
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer> { LibraryAssemblyName = assemblyName };
        test.LibrarySources.Add("""
            namespace Acme.Services;

            public interface IReminderService { }
            """);
        test.WithSource(Usings + $$"""
            public class ReminderJob : HostedServiceBase
            {
                public ReminderJob(IServiceScopeFactory factory, {|{{expectedId}}:Acme.Services.IReminderService|} reminders) : base(factory) { }

                {{Execute}}
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task ScopedParameters_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            using Oqtane.Repository;
            using Oqtane.Shared;

            public class CapturingJob : HostedServiceBase
            {
                public CapturingJob(
                    IServiceScopeFactory factory,
                    {|OQJ2002:ITenantRepository|} tenants,
                    {|OQJ2002:ILogManager|} logger,
                    {|OQJ2002:SiteState|} siteState,
                    {|OQJ2002:IJobRepository|} jobs) : base(factory) { }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task OtherParameters_Warning()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            public class LoggingJob : HostedServiceBase
            {
                public LoggingJob(
                    IServiceScopeFactory factory,
                    {|OQJ2003:ILogger<LoggingJob>|} logger,
                    {|OQJ2003:IConfiguration|} configuration) : base(factory) { }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task ModuleServiceInSameAssembly_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public interface INoteRepository { }

            public class NoteJob : HostedServiceBase
            {
                public NoteJob(IServiceScopeFactory factory, {|OQJ2002:INoteRepository|} notes) : base(factory) { }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task PrimaryConstructor_NoDiagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            namespace Sample.Jobs;

            public class PrimaryJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task PrimaryConstructorPassingNull_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            namespace Sample.Jobs;

            public class {|OQJ2001:PrimaryJob|}(IServiceScopeFactory factory, {|OQJ2003:IServiceProvider|} root) : HostedServiceBase(null)
            {
                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task PartialAcrossFiles_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(
            Usings + $$"""
            public partial class SplitJob : HostedServiceBase
            {
                {{Execute}}
            }
            """,
            Usings + """
            public partial class SplitJob
            {
                public SplitJob(IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenants) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task UsingAliasAndGlobalUsing_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(
            """
            global using Microsoft.Extensions.DependencyInjection;
            """,
            """
            using Base = Oqtane.Infrastructure.HostedServiceBase;
            using Tenants = Oqtane.Infrastructure.ITenantManager;

            public class AliasJob : Base
            {
                public AliasJob(IServiceScopeFactory factory, {|OQJ2002:Tenants|} tenants) : base(factory) { }

                public override string ExecuteJob(System.IServiceProvider provider) => "";
            }
            """);
    }

    [Fact]
    public async Task NestedPrivateJob_Diagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public static class Jobs
            {
                private sealed class Inner : HostedServiceBase
                {
                    public Inner(IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenants) : base(factory) { }

                    {{Execute}}
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeBase_NoDiagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            namespace Acme
            {
                public abstract class HostedServiceBase
                {
                    protected HostedServiceBase(ITenantManager tenants) { }
                }

                public class NotAJob : HostedServiceBase
                {
                    public NotAJob(ITenantManager tenants, string name) : base(tenants) { }
                }
            }
            """);
    }

    [Fact]
    public async Task HostMode_LowersErrorAndKeepsSeverity()
    {
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer>();
        test.GlobalOptions["build_property.OqjobHostMode"] = "true";
        test.WithSource(Usings + $$"""
            public class CapturingJob : HostedServiceBase
            {
                public CapturingJob(IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenants) : base(factory) { }

                {{Execute}}
            }
            """);
        var diagnostic = (await test.RunAsync()).Single();
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("error", diagnostic.Properties["OqjobSeverity"]);
        Assert.Equal("CapturingJob", diagnostic.Properties["OqjobSymbol"]);
        Assert.Equal(".ctor", diagnostic.Properties["OqjobMember"]);
    }

    [Fact]
    public async Task HostMode_ConfiguredSeverityTravels()
    {
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer>();
        test.GlobalOptions["build_property.OqjobHostMode"] = "true";
        test.SpecificDiagnosticOptions["OQJ2003"] = Microsoft.CodeAnalysis.ReportDiagnostic.Info;
        test.WithSource(Usings + $$"""
            public class LoggingJob : HostedServiceBase
            {
                public LoggingJob(IServiceScopeFactory factory, {|OQJ2003:string|} name) : base(factory) { }

                {{Execute}}
            }
            """);
        var diagnostic = (await test.RunAsync()).Single();
        Assert.Equal("note", diagnostic.Properties["OqjobSeverity"]);
    }

    [Fact]
    public async Task OutsideHostMode_DefaultSeverity()
    {
        var diagnostic = (await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class CapturingJob : HostedServiceBase
            {
                public CapturingJob(IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenants) : base(factory) { }

                {{Execute}}
            }
            """)).Single();
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.False(diagnostic.Properties.ContainsKey("OqjobSeverity"));
    }
}
