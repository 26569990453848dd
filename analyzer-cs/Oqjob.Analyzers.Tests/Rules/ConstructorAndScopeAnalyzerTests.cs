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

            public class {|OQJ2001:PrimaryJob|}(IServiceScopeFactory factory, {|OQJ2004:IServiceProvider|} root) : HostedServiceBase(null)
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
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Equal("CapturingJob", diagnostic.Properties["OqjobSymbol"]);
        Assert.Equal(".ctor", diagnostic.Properties["OqjobMember"]);
    }

    [Fact]
    public async Task NoPublicConstructor_LeftToOqj1005()
    {
        // A job without a public constructor cannot be created at all, which OQJ1005 reports.
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class HiddenJob : HostedServiceBase
            {
                internal HiddenJob(IServiceScopeFactory factory, ITenantManager tenants) : base(null) { }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task ProviderParameter_Oqj2004Only()
    {
        var diagnostics = await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class RootJob : HostedServiceBase
            {
                private readonly IServiceProvider _root;

                public RootJob(IServiceScopeFactory factory, {|OQJ2004:IServiceProvider|} root) : base(factory)
                {
                    _root = root;
                }

                public override string ExecuteJob(IServiceProvider provider) => _root.GetRequiredService<ITenantManager>().GetTenantId().ToString();
            }
            """);
        Assert.Contains("the constructor parameter 'root' of type System.IServiceProvider", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task KeyedProviderParameter_Oqj2004()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class RootJob(IServiceScopeFactory factory, {|OQJ2004:IKeyedServiceProvider|} root) : HostedServiceBase(factory)
            {
                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task ScopeCreatedInConstructor_Oqj2004()
    {
        var diagnostics = await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class ScopeJob : HostedServiceBase
            {
                private readonly IServiceProvider _services;

                public ScopeJob(IServiceScopeFactory factory) : base(factory)
                {
                    {|OQJ2004:_services = factory.CreateScope().ServiceProvider|};
                }

                public override string ExecuteJob(IServiceProvider provider) => _services.GetRequiredService<ITenantManager>().GetTenantId().ToString();
            }
            """);
        Assert.Contains("the field '_services', set outside the execution", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task ScopeFieldFromInitializer_Oqj2004()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ModuleJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                protected AsyncServiceScope Scope { get; } {|OQJ2004:= factory.CreateAsyncScope()|};
            }

            public class ScopeJob(IServiceScopeFactory factory) : ModuleJob(factory)
            {
                public override string ExecuteJob(IServiceProvider provider) => Scope.ServiceProvider.GetHashCode().ToString();
            }
            """);
    }

    [Fact]
    public async Task StaticLocatorInOtherType_Oqj2004()
    {
        var diagnostics = await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            public static class ServiceLocator
            {
                public static IServiceProvider Provider { get; set; } = null!;
            }

            public class LocatorJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenants = {|OQJ2004:ServiceLocator.Provider|}.GetRequiredService<ITenantManager>();
                    var again = ServiceLocator.Provider.GetRequiredService<ITenantManager>();
                    return tenants.GetTenantId().ToString() + again.GetTenantId();
                }
            }
            """);
        Assert.Contains("the static property 'ServiceLocator.Provider'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task StaticLocatorInReferencedAssembly_Oqj2004()
    {
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer>();
        test.LibrarySources.Add("""
            namespace Acme.Shared;

            public static class Locator
            {
                public static System.IServiceProvider Root = null!;
            }
            """);
        test.WithSource(Usings + $$"""
            using static Acme.Shared.Locator;

            public class LocatorJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider) => Helper();

                private static string Helper() => {|OQJ2004:Root|}.GetHashCode().ToString();
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task OwnStaticProviderField_Oqj2004()
    {
        var diagnostics = await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            public class StaticJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                private static IServiceProvider? _root;

                public static void Initialize(IServiceProvider root) => _root = root;

                public override string ExecuteJob(IServiceProvider provider) => {|OQJ2004:_root|}?.GetHashCode().ToString() ?? "";
            }
            """);
        Assert.Contains("the static field 'StaticJob._root'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task StaticLocatorWrittenNotRead_NoDiagnostic()
    {
        // Writing the provider into a static member is static state, which the tenant-safety
        // rules report. It uses no locator until something reads it.
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            public static class ServiceLocator
            {
                public static IServiceProvider? Provider { get; set; }
            }

            public class LocatorJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    ServiceLocator.Provider = provider;
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeServiceProvider_NoDiagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            namespace Acme
            {
                public interface IServiceProvider { }

                public static class ServiceLocator
                {
                    public static IServiceProvider Provider { get; set; } = null!;
                }

                public class LocatorJob(IServiceScopeFactory factory, {|OQJ2002:Acme.IServiceProvider|} settings) : HostedServiceBase(factory)
                {
                    private readonly Acme.IServiceProvider _settings = ServiceLocator.Provider;

                    public override string ExecuteJob(System.IServiceProvider provider) => _settings.GetHashCode().ToString();
                }
            }
            """);
    }

    [Fact]
    public async Task ProviderUsedInExecution_NoDiagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            public class PurgeLikeJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenants = provider.GetRequiredService<ITenantManager>();
                    return Describe(tenants);
                }

                private static string Describe(ITenantManager tenants) => tenants.GetTenantId().ToString();
            }
            """);
    }

    [Fact]
    public async Task ResolvedServiceInField_Oqj2005()
    {
        var diagnostics = await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            using System.Linq;
            using Oqtane.Repository;

            public class CachingJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                private ISiteRepository? _sites;

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ2005:_sites ??= provider.GetRequiredService<ISiteRepository>()|};
                    return _sites.GetSites().Count().ToString();
                }
            }
            """);
        Assert.Contains("keeps a service in '_sites' beyond one execution", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task ResolutionVariants_Oqj2005()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            using System.Collections.Generic;
            using Oqtane.Repository;

            public class Report
            {
                public Report(ISiteRepository sites) { }
            }

            public abstract class ModuleJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                protected static ITenantManager? Tenants { get; set; }
            }

            public class CachingJob(IServiceScopeFactory factory) : ModuleJob(factory)
            {
                private object? _site;
                private IEnumerable<IAliasRepository>? _aliases;
                private Report? _report;
                private Report? _built;

                public override async System.Threading.Tasks.Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    {|OQJ2005:_site = provider.GetService(typeof(ISiteRepository))|};
                    {|OQJ2005:_aliases = provider.GetServices<IAliasRepository>()|};
                    {|OQJ2005:Tenants = provider.GetRequiredService<ITenantManager>()|};
                    {|OQJ2005:_report = ActivatorUtilities.CreateInstance<Report>(provider)|};
                    {|OQJ2005:_built = new Report(provider.GetRequiredService<ISiteRepository>())|};
                    await System.Threading.Tasks.Task.Yield();
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task KeyedResolution_Oqj2005()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            using Oqtane.Repository;

            public class CachingJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                private ISiteRepository _sites = null!;

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ2005:_sites = provider.GetRequiredKeyedService<ISiteRepository>("primary")|};
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task ConstructedService_Oqj2005()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(
            Usings + """
            using System.Collections.Generic;
            using Oqtane.Models;
            using Oqtane.Repository;

            public class SiteRepository : ISiteRepository
            {
                public IEnumerable<Site> GetSites() => new List<Site>();
                public Site GetSite(int siteId) => throw new NotSupportedException();
                public Site AddSite(Site site) => site;
                public Site UpdateSite(Site site) => site;
                public void DeleteSite(int siteId) { }
            }
            """,
            Usings + """
            using System.Collections.Generic;
            using System.Text;
            using Oqtane.Repository;

            public class BuildingJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                private ISiteRepository? _sites;
                private List<string> _names = new();
                private StringBuilder _log = new StringBuilder();

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ2005:_sites = new SiteRepository()|};
                    _names = new List<string>();
                    _log = new();
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task ServiceThroughLocal_Oqj2005()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            using Oqtane.Repository;

            public class CachingJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                private ISiteRepository? _sites;
                private string _name = "";

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var sites = provider.GetRequiredService<ISiteRepository>();
                    var name = sites.ToString() ?? "";
                    {|OQJ2005:_sites = sites|};
                    _name = name;
                    if (provider.GetService(typeof(ISiteRepository)) is ISiteRepository found)
                    {
                        {|OQJ2005:_sites = found|};
                    }

                    {|OQJ2005:_sites = provider.GetService(typeof(ISiteRepository)) as ISiteRepository|};
                    return _name;
                }
            }
            """);
    }

    [Fact]
    public async Task ServiceInLocal_NoDiagnostic()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            using System.Linq;
            using Oqtane.Repository;

            public class LocalJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                private readonly string[] _excluded = new[] { "Page", "Module" };

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var sites = provider.GetRequiredService<ISiteRepository>();
                    ISiteRepository? again = null;
                    again ??= provider.GetService<ISiteRepository>();
                    return _excluded.Length + sites.GetSites().Count().ToString() + again;
                }
            }
            """);
    }

    [Fact]
    public async Task ResolutionInOtherType_NoDiagnostic()
    {
        // Only fields and properties of the job are checked, because only the job is the
        // singleton that outlives each run.
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            using Oqtane.Repository;

            public class Worker
            {
                public ISiteRepository? Sites { get; set; }
            }

            public class HelperJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    var worker = new Worker { Sites = provider.GetRequiredService<ISiteRepository>() };
                    return worker.ToString() ?? "";
                }
            }
            """);
    }

    [Fact]
    public async Task CachedInPartialPart_Oqj2005()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(
            Usings + """
            using Oqtane.Repository;

            public partial class SplitJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                private ISiteRepository? _sites;

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Load(provider);
                    return "";
                }
            }
            """,
            Usings + """
            using Oqtane.Repository;

            public partial class SplitJob
            {
                private void Load(IServiceProvider provider) => {|OQJ2005:_sites = provider.GetRequiredService<ISiteRepository>()|};
            }
            """);
    }

    [Fact]
    public async Task ScopeCreatedInExecution_Oqj2006()
    {
        var diagnostics = await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            using System.Threading.Tasks;

            public class ScopingJob : HostedServiceBase
            {
                private readonly IServiceScopeFactory _factory;

                public ScopingJob(IServiceScopeFactory factory) : base(factory)
                {
                    _factory = factory;
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    using (var scope = {|OQJ2006:_factory.CreateScope()|})
                    {
                    }

                    await using var second = {|OQJ2006:provider.CreateAsyncScope()|};
                    using var third = {|OQJ2006:ServiceProviderServiceExtensions.CreateScope(provider)|};
                    await using var fourth = {|OQJ2006:_factory.CreateAsyncScope()|};
                    return "";
                }
            }
            """);
        Assert.Contains("with IServiceScopeFactory.CreateScope()", InSourceOrder(diagnostics)[0].GetMessage());
        Assert.Contains("with IServiceProvider.CreateAsyncScope()", InSourceOrder(diagnostics)[1].GetMessage());
    }

    [Fact]
    public async Task ScopeCreatedInCalledBaseMethod_Oqj2006()
    {
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ModuleJob<T>(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                protected string Run(IServiceProvider provider)
                {
                    using var scope = {|OQJ2006:provider.GetRequiredService<IServiceScopeFactory>().CreateScope()|};
                    return typeof(T).Name;
                }
            }

            public class ScopingJob(IServiceScopeFactory factory) : ModuleJob<int>(factory)
            {
                public override string ExecuteJob(IServiceProvider provider) => Run(provider);
            }
            """);
    }

    [Fact]
    public async Task ScopeCreatedOutsideExecution_NoOqj2006()
    {
        // A method that the execution never calls does not run in it.
        await Verify<ConstructorAndScopeAnalyzer>.AnalyzerAsync(Usings + """
            public static class Scopes
            {
                public static IServiceScope CreateScope(this IServiceProvider provider, string name) => null!;
            }

            public class ScopingJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    using var scope = provider.CreateScope("look-alike");
                    return "";
                }

                public void Unused(IServiceProvider provider)
                {
                    using var scope = provider.CreateScope();
                }
            }
            """);
    }

    /// <summary>Sorts diagnostics by position, because analyzers report them in no fixed order.</summary>
    private static List<Microsoft.CodeAnalysis.Diagnostic> InSourceOrder(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
    {
        return diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ToList();
    }
}
