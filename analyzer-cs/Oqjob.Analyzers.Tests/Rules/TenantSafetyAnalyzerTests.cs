using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

public class TenantSafetyAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;
        using Oqtane.Models;
        using Oqtane.Repository;

        """;

    private const string Constructor = "(IServiceScopeFactory factory) : base(factory) { }";

    // OQJ5001: cross-tenant switching

    [Fact]
    public async Task SetTenantThroughInterface_Diagnostic()
    {
        var diagnostics = await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class SwitchingJob : HostedServiceBase
            {
                public SwitchingJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenants = provider.GetRequiredService<ITenantManager>();
                    tenants.{|OQJ5001:SetTenant|}(2);
                    return "";
                }
            }
            """);
        Assert.Contains("calls ITenantManager.SetTenant", diagnostics.Single().GetMessage());
        Assert.Contains("SwitchingJob", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task GetTenantsOutsideExecution_Diagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class ListingJob : HostedServiceBase
            {
                public ListingJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider) => "";

                // Never called, but still part of the job.
                private static int CountTenants(ITenantRepository repository)
                {
                    return repository.{|OQJ5001:GetTenants|}().Count();
                }
            }
            """);
    }

    [Fact]
    public async Task SetAliasPerSite_NoDiagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class PerSiteJob : HostedServiceBase
            {
                public PerSiteJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenantManager = provider.GetRequiredService<ITenantManager>();
                    var sites = provider.GetRequiredService<ISiteRepository>();
                    foreach (var site in sites.GetSites())
                    {
                        tenantManager.SetAlias(tenantManager.GetTenantId(), site.SiteId);
                    }

                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task SetTenantThroughImplementingClass_Diagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class LocalTenantManager : ITenantManager
            {
                public Alias GetAlias() => new Alias();
                public Tenant GetTenant() => new Tenant();
                public int GetTenantId() => 0;
                public void SetAlias(Alias alias) { }
                public void SetAlias(int tenantId, int siteId) { }
                public virtual void SetTenant(int tenantId) { }
            }

            public class DerivedTenantManager : LocalTenantManager
            {
                public override void SetTenant(int tenantId) { }
            }

            public class ImplementationJob : HostedServiceBase
            {
                public ImplementationJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    new LocalTenantManager().{|OQJ5001:SetTenant|}(1);
                    new DerivedTenantManager().{|OQJ5001:SetTenant|}(2);
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeTenantManager_NoDiagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(
            """
            namespace Contoso.Infrastructure
            {
                public interface ITenantManager { void SetTenant(int tenantId); }
            }

            namespace Contoso.Repository
            {
                public interface ITenantRepository { System.Collections.Generic.IEnumerable<int> GetTenants(); }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class LookAlikeJob : HostedServiceBase
            {
                public LookAlikeJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var manager = provider.GetRequiredService<Contoso.Infrastructure.ITenantManager>();
                    foreach (var id in provider.GetRequiredService<Contoso.Repository.ITenantRepository>().GetTenants())
                    {
                        manager.SetTenant(id);
                    }

                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task SetTenantInPartialPart_Diagnostic()
    {
        var test = new AnalyzerTest<TenantSafetyAnalyzer>();
        test.WithSource(Usings + $$"""
            public partial class SplitJob : HostedServiceBase
            {
                public SplitJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    SwitchTo(provider, 3);
                    return "";
                }
            }
            """, "SplitJob.cs");
        test.WithSource(Usings + """
            public partial class SplitJob
            {
                private void SwitchTo(IServiceProvider provider, int tenantId) =>
                    provider.GetRequiredService<ITenantManager>()?.{|OQJ5001:SetTenant|}(tenantId);
            }
            """, "SplitJob.Tenants.cs");
        await test.RunAsync();
    }

    [Fact]
    public async Task SetTenantMethodGroupInGenericBase_Diagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class EveryTenantJob<TResult> : HostedServiceBase
            {
                protected EveryTenantJob{{Constructor}}

                protected void ForEachTenant(ITenantManager manager, List<int> tenantIds)
                {
                    tenantIds.ForEach(manager.{|OQJ5001:SetTenant|});
                }
            }

            public sealed class ConcreteJob : EveryTenantJob<string>
            {
                public ConcreteJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
    }

    [Fact]
    public async Task GlobalUsingAliasOnOldOqtane_Diagnostic()
    {
        var test = new AnalyzerTest<TenantSafetyAnalyzer> { OqtaneVersion = "3.0.1" };
        test.WithSource("""
            global using Tenancy = Oqtane.Infrastructure.ITenantManager;
            global using Base = Oqtane.Infrastructure.HostedServiceBase;
            """, "GlobalUsings.cs");
        test.WithSource("""
            using System;
            using Microsoft.Extensions.DependencyInjection;

            public class AliasedJob : Base
            {
                public AliasedJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Tenancy manager = provider.GetRequiredService<Tenancy>();
                    manager.{|OQJ5001:SetTenant|}(manager.GetTenantId() + 1);
                    return "";
                }
            }
            """, "AliasedJob.cs");
        await test.RunAsync();
    }

    // OQJ5002: mutable static state

    [Fact]
    public async Task MutableStaticField_OncePerBody()
    {
        var diagnostics = await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class CountingJob : HostedServiceBase
            {
                private static int runs;

                public CountingJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ5002:runs|}++;
                    return "Run " + runs;
                }

                private static void Reset() => {|OQJ5002:runs|} = 0;
            }
            """);
        Assert.Contains("'CountingJob.runs'", diagnostics.First().GetMessage());
    }

    [Fact]
    public async Task StaticMembersOfOtherType_Diagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public static class JobState
            {
                public static DateTime LastRun;
                public static string Status { get; set; } = "";
                public static string Version { get; } = "1";
                public static readonly int Limit = 10;
                public const int Batch = 5;
                public static readonly List<int> Seen = new();
                public static readonly Dictionary<int, string> Names = new();
                public static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> Counts = new();
                public static readonly System.Collections.Immutable.ImmutableList<int> Fixed = System.Collections.Immutable.ImmutableList<int>.Empty;
                public static readonly int[] Slots = new int[4];
            }

            public class SharedStateJob : HostedServiceBase
            {
                public SharedStateJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var summary = {|OQJ5002:JobState.LastRun|}.ToString() + JobState.Version + JobState.Limit + JobState.Batch;
                    {|OQJ5002:JobState.Status|} = "running";
                    var count = JobState.Seen.Count + JobState.Names.Count + JobState.Fixed.Add(1).Count;
                    {|OQJ5002:JobState.Seen|}.Add(count);
                    {|OQJ5002:JobState.Names|}[1] = summary;
                    {|OQJ5002:JobState.Counts|}.AddOrUpdate(1, 1, (key, value) => value + 1);
                    {|OQJ5002:JobState.Slots|}[0] = count;
                    return summary + JobState.Slots[1];
                }
            }
            """);
    }

    [Fact]
    public async Task StaticReadonlyImmutableData_NoDiagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class TableJob : HostedServiceBase
            {
                private const string Prefix = "Processed ";
                private static readonly string[] Entities = { "Folder", "File" };
                private static readonly IReadOnlyDictionary<string, int> Weights = new Dictionary<string, int> { ["Folder"] = 1 };
                private static string Label => Prefix + Entities.Length;

                public TableJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    return Label + Entities.Count(e => Weights.ContainsKey(e)) + nameof(Entities);
                }
            }
            """);
    }

    [Fact]
    public async Task StaticInGenericBaseAndLibraryBase_Diagnostic()
    {
        var test = new AnalyzerTest<TenantSafetyAnalyzer>();
        test.LibrarySources.Add("""
            using Microsoft.Extensions.DependencyInjection;

            namespace Shared.Jobs
            {
                public abstract class LibraryJobBase : Oqtane.Infrastructure.HostedServiceBase
                {
                    protected LibraryJobBase(IServiceScopeFactory factory) : base(factory) { }

                    protected static int LibraryRuns;
                }

                public static class LibraryState
                {
                    public static int Hits;
                }
            }
            """);
        test.WithSource(Usings + $$"""
            public abstract class CachingBase<TItem> : Shared.Jobs.LibraryJobBase
            {
                protected static List<TItem>? cache;

                protected CachingBase{{Constructor}}
            }

            public class CachedJob : CachingBase<string>
            {
                public CachedJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ5002:cache|} ??= new List<string>();
                    {|OQJ5002:LibraryRuns|}++;
                    {|OQJ5002:Shared.Jobs.LibraryState.Hits|}++;
                    return "";
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task StaticOfThirdPartyLibrary_NoDiagnostic()
    {
        var test = new AnalyzerTest<TenantSafetyAnalyzer> { LibraryAssemblyName = "Contoso.Counters" };
        test.LibrarySources.Add("""
            namespace Contoso.Counters
            {
                public static class Counter
                {
                    public static int Hits;
                    public static System.Collections.Generic.List<int> Values { get; } = new();
                }
            }
            """);
        test.WithSource(Usings + $$"""
            public class PackageStateJob : HostedServiceBase
            {
                public PackageStateJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Contoso.Counters.Counter.Values.Add(Contoso.Counters.Counter.Hits);
                    return "";
                }
            }
            """);
        await test.RunAsync();
    }

    // OQJ5003: instance state written in the execution

    [Fact]
    public async Task ResolvedServiceKeptInField_LeftToOqj2005()
    {
        // Keeping a resolved service is OQJ2005's finding; any other value in a field is OQJ5003's.
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class CachingJob : HostedServiceBase
            {
                private ISiteRepository? sites;
                private IAliasRepository? aliases;
                private int count;

                public CachingJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    sites = provider.GetRequiredService<ISiteRepository>();
                    aliases ??= (IAliasRepository?)provider.GetService(typeof(IAliasRepository));
                    {|OQJ5003:count|} = 1;
                    return "done";
                }
            }
            """);
    }

    [Fact]
    public async Task FieldWritesInExecution_Diagnostic()
    {
        var diagnostics = await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class StatefulJob : HostedServiceBase
            {
                private DateTime lastRun;
                private int processed;
                private long total;
                private readonly HashSet<int> seen = new();
                private readonly string[] excluded;
                private string Label { get; set; } = "";
                private Dictionary<int, string>? cache;
                private string? lastName;

                public StatefulJob(IServiceScopeFactory factory) : base(factory)
                {
                    Name = "Stateful";
                    excluded = new[] { "File" };
                    processed = 0;
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ5003:this.lastRun|} = DateTime.UtcNow;
                    {|OQJ5003:processed|} += excluded.Length;
                    processed++;
                    {|OQJ5003:Label|} = "run";
                    Count();
                    System.Threading.Interlocked.Increment(ref {|OQJ5003:total|});
                    Name = "ignored, reported by the metadata rules";
                    return Label + processed + Lookup();
                }

                private string Lookup()
                {
                    {|OQJ5003:cache|} ??= new Dictionary<int, string>();
                    cache.TryGetValue(1, out {|OQJ5003:lastName|});
                    return lastName ?? "";
                }

                private void Count() => {|OQJ5003:seen|}.Add(processed);

                // Not reached from the execution.
                private void Reset() => processed = 0;
            }
            """);
        Assert.Contains("writes 'lastRun'", diagnostics.First().GetMessage());
    }

    [Fact]
    public async Task ReadOnlyFieldSetInConstructor_NoDiagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class IndexLikeJob : HostedServiceBase
            {
                private readonly string[] excludedEntities;

                public IndexLikeJob(IServiceScopeFactory factory) : base(factory)
                {
                    Name = "Index";
                    excludedEntities = new[] { "Folder", "File" };
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "";
                    foreach (var entity in excludedEntities)
                    {
                        log += entity;
                    }

                    return log + excludedEntities.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task WriteInPartialAndGenericBase_Diagnostic()
    {
        var test = new AnalyzerTest<TenantSafetyAnalyzer>();
        test.WithSource(Usings + $$"""
            public abstract class ResultJob<TResult> : HostedServiceBase
            {
                protected TResult? LastResult;

                protected ResultJob{{Constructor}}
            }

            public partial class ReportJob : ResultJob<string>
            {
                private (int Sites, int Pages) stats;

                public ReportJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Remember("done");
                    {|OQJ5003:stats|}.Pages++;
                    return LastResult ?? "";
                }
            }
            """, "ReportJob.cs");
        test.WithSource("""
            public partial class ReportJob
            {
                private void Remember(string result)
                {
                    ({|OQJ5003:LastResult|}, _) = (result, 0);
                }
            }
            """, "ReportJob.Memory.cs");
        await test.RunAsync();
    }

    [Fact]
    public async Task PrimaryConstructorAndExpressionBody_Diagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + """
            namespace Modern.Jobs;

            public class ModernJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                private DateTime? last;

                public override string ExecuteJob(IServiceProvider provider) =>
                    ({|OQJ5003:last|} = DateTime.UtcNow).ToString() + Forget();

                private string Forget()
                {
                    {|OQJ5003:factory|} = null!;
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task FieldOfLibraryBase_Diagnostic()
    {
        var test = new AnalyzerTest<TenantSafetyAnalyzer>();
        test.LibrarySources.Add("""
            using Microsoft.Extensions.DependencyInjection;

            namespace Shared.Jobs
            {
                public abstract class BatchJobBase : Oqtane.Infrastructure.HostedServiceBase
                {
                    protected BatchJobBase(IServiceScopeFactory factory) : base(factory) { }

                    protected int BatchNumber;
                    protected System.Collections.Generic.List<string> Errors { get; } = new();
                }
            }
            """);
        test.WithSource(Usings + $$"""
            public class BatchJob : Shared.Jobs.BatchJobBase
            {
                public BatchJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ5003:BatchNumber|} = 2;
                    {|OQJ5003:Errors|}.Clear();
                    return Errors.Count.ToString();
                }
            }
            """);
        await test.RunAsync();
    }

    // OQJ5004: installation-wide alias reads

    [Fact]
    public async Task UnfilteredAliases_Diagnostic()
    {
        var diagnostics = await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class AliasJob : HostedServiceBase
            {
                public AliasJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var aliases = provider.GetRequiredService<IAliasRepository>();
                    var sites = provider.GetRequiredService<ISiteRepository>();
                    var site = sites.GetSites().First();
                    var names = aliases.{|OQJ5004:GetAliases|}().Select(a => a.Name).ToList();
                    var sameSite = aliases.{|OQJ5004:GetAliases|}().Where(a => a.TenantId == site.TenantId).ToList();
                    var constant = aliases.{|OQJ5004:GetAliases|}().Where(a => a.TenantId != 1).ToList();
                    return string.Join(",", names) + sameSite.Count + constant.Count;
                }
            }
            """);
        Assert.Contains("reads IAliasRepository.GetAliases() for the whole installation", diagnostics.First().GetMessage());
    }

    [Fact]
    public async Task AliasesFilteredByCurrentTenant_NoDiagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class FilteredAliasJob : HostedServiceBase
            {
                public FilteredAliasJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenantManager = provider.GetRequiredService<ITenantManager>();
                    var aliasRepository = provider.GetRequiredService<IAliasRepository>();
                    var tenantId = tenantManager.GetTenantId();
                    var tenant = tenantManager.GetTenant();

                    var first = aliasRepository.GetAliases()
                        .Where(item => item.TenantId == tenantManager.GetTenant().TenantId && item.IsDefault)
                        .FirstOrDefault();

                    IEnumerable<Alias> all = aliasRepository.GetAliases();
                    var mine = all.ToList().FindAll(a => tenantId == a.TenantId);

                    var count = 0;
                    foreach (var alias in aliasRepository.GetAliases())
                    {
                        if (alias.TenantId != tenant.TenantId)
                        {
                            continue;
                        }

                        count++;
                    }

                    var query = from alias in aliasRepository.GetAliases()
                                where alias.TenantId == tenantManager.GetAlias()?.TenantId
                                select alias.Name;

                    var single = aliasRepository.GetAliases().FirstOrDefault();
                    var owned = single != null && single.TenantId == tenantId;

                    return first?.Name + mine.Count + count + query.Count() + owned;
                }
            }
            """);
    }

    [Fact]
    public async Task FilterInHelperMethods_NoDiagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class HelperFilterJob : HostedServiceBase
            {
                public HelperFilterJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenantManager = provider.GetRequiredService<ITenantManager>();
                    var aliasRepository = provider.GetRequiredService<IAliasRepository>();
                    var own = KeepTenant(aliasRepository.GetAliases(), tenantManager.GetTenantId());
                    return own.Count + " " + CountFor(aliasRepository, tenantManager.GetTenant());
                }

                private static List<Alias> KeepTenant(IEnumerable<Alias> aliases, int tenantId)
                {
                    return aliases.Where(alias => alias.TenantId == tenantId).ToList();
                }

                private static int CountFor(IAliasRepository repository, Tenant tenant)
                {
                    return repository.GetAliases().Count(alias => alias.TenantId == tenant.TenantId);
                }
            }
            """);
    }

    [Fact]
    public async Task HelperCalledWithOtherTenant_Diagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class MixedHelperJob : HostedServiceBase
            {
                public MixedHelperJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenantManager = provider.GetRequiredService<ITenantManager>();
                    var aliasRepository = provider.GetRequiredService<IAliasRepository>();
                    return CountFor(aliasRepository, tenantManager.GetTenantId()) + " " + CountFor(aliasRepository, 1);
                }

                private static int CountFor(IAliasRepository repository, int tenantId)
                {
                    return repository.{|OQJ5004:GetAliases|}().Count(alias => alias.TenantId == tenantId);
                }
            }
            """);
    }

    [Fact]
    public async Task FilterWithLookAlikeTenantManager_Diagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(
            """
            namespace Contoso.Infrastructure
            {
                public interface ITenantManager { int GetTenantId(); }
            }
            """,
            Usings + $$"""
            using OtherTenants = Contoso.Infrastructure.ITenantManager;

            public class LookAlikeFilterJob : HostedServiceBase
            {
                public LookAlikeFilterJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var other = provider.GetRequiredService<OtherTenants>();
                    var aliases = provider.GetRequiredService<IAliasRepository>()
                        .{|OQJ5004:GetAliases|}()
                        .Where(a => a.TenantId == other.GetTenantId());
                    return aliases.Count().ToString();
                }
            }
            """);
    }

    [Fact]
    public async Task AliasesThroughImplementingClass_Diagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class CachedAliasRepository : IAliasRepository
            {
                public IEnumerable<Alias> GetAliases() => new List<Alias>();
                public Alias GetAlias(int aliasId) => new Alias();
                public Alias AddAlias(Alias alias) => alias;
                public Alias UpdateAlias(Alias alias) => alias;
                public void DeleteAlias(int aliasId) { }
            }

            public class ImplementationAliasJob : HostedServiceBase
            {
                public ImplementationAliasJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var repository = new CachedAliasRepository();
                    return repository.{|OQJ5004:GetAliases|}().Count().ToString();
                }
            }
            """);
    }

    [Fact]
    public async Task NotAJob_NoDiagnostic()
    {
        await Verify<TenantSafetyAnalyzer>.AnalyzerAsync(Usings + """
            public class TenantSwitcher
            {
                private static int switches;

                public void Switch(ITenantManager manager, IAliasRepository aliases)
                {
                    switches++;
                    manager.SetTenant(aliases.GetAliases().Count());
                }
            }
            """);
    }
}
