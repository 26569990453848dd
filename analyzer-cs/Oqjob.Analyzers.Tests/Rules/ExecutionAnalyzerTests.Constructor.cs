using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

// OQJ4008: work in the constructor beyond setting metadata.
public partial class ExecutionAnalyzerTests
{
    private const string ConstructorUsings = """
        using System;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;
        using Oqtane.Repository;

        """;

    [Fact]
    public async Task FileAndNetworkInConstructor_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(ConstructorUsings + """
            public class ImportJob : HostedServiceBase
            {
                private readonly HttpClient _client = {|OQJ4008:new HttpClient()|};

                public ImportJob(IServiceScopeFactory factory) : base(factory)
                {
                    Name = {|OQJ4008:File.ReadAllText("name.txt")|};
                }

                public override string ExecuteJob(IServiceProvider provider) => _client.BaseAddress?.ToString() ?? "";
            }
            """);
        Assert.Contains(diagnostics, diagnostic => diagnostic.GetMessage().Contains("'ImportJob' creates 'HttpClient' (network I/O) in its constructor"));
        Assert.Contains(diagnostics, diagnostic => diagnostic.GetMessage().Contains("calls 'File.ReadAllText' (file I/O) in its constructor"));
    }

    [Fact]
    public async Task ServicesAndRepositoriesInConstructor_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(ConstructorUsings + """
            public class EagerJob : HostedServiceBase
            {
                private readonly int _siteCount;

                public EagerJob(IServiceScopeFactory factory) : base(factory)
                {
                    using var scope = {|OQJ4008:factory.CreateScope()|};
                    var sites = {|OQJ4008:scope.ServiceProvider.GetRequiredService<ISiteRepository>()|};
                    _siteCount = {|OQJ4008:sites.GetSites()|}.Count();
                    var other = {|OQJ4008:scope.ServiceProvider.GetService(typeof(ITenantManager))|};
                }

                public override string ExecuteJob(IServiceProvider provider) => _siteCount.ToString();
            }
            """);
        Assert.Contains(diagnostics, diagnostic => diagnostic.GetMessage().Contains("calls 'ISiteRepository.GetSites' (an Oqtane server service)"));
    }

    [Fact]
    public async Task TaskAndDelayInConstructorHelper_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ConstructorUsings + """
            public class WarmJob : HostedServiceBase
            {
                public WarmJob(IServiceScopeFactory factory) : base(factory)
                {
                    Prepare();
                }

                public override string ExecuteJob(IServiceProvider provider) => "";

                private void Prepare()
                {
                    {|OQJ4008:System.Threading.Thread.Sleep(10)|};
                    var task = {|OQJ4008:WarmUpAsync()|};
                    _ = {|OQJ4004:{|OQJ4008:WarmUpAsync()|}|};
                }

                private Task WarmUpAsync() => Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public async Task FrameworkStyleConstructor_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ConstructorUsings + """
            public static class Defaults
            {
                public const int Minutes = 60 / 2;
            }

            public class PurgeLikeJob : HostedServiceBase
            {
                private readonly IServiceScopeFactory _factory;
                private readonly string[] _excluded = { "Folder", "File" };
                private readonly Func<string> _later;

                public PurgeLikeJob(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
                {
                    _factory = serviceScopeFactory;
                    Name = "Purge " + nameof(PurgeLikeJob).ToUpperInvariant();
                    Frequency = "d";
                    Interval = Math.Max(1, Defaults.Minutes / 30);
                    StartDate = DateTime.ParseExact("03:00", "H:mm", CultureInfo.InvariantCulture).ToUniversalTime();
                    EndDate = DateTime.UtcNow.Date.Add(TimeSpan.FromDays(365));
                    IsEnabled = string.Join(",", _excluded).Length > 0;
                    var logFile = Path.Combine("logs", Name + ".txt");
                    _later = () => File.ReadAllText(logFile);
                }

                public override string ExecuteJob(IServiceProvider provider) => _later();
            }
            """);
    }

    [Fact]
    public async Task WorkInExecutionOnly_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ConstructorUsings + """
            public class LazyJob : HostedServiceBase
            {
                public LazyJob(IServiceScopeFactory factory) : base(factory)
                {
                    Name = "Lazy";
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    var sites = provider.GetRequiredService<ISiteRepository>().GetSites().Count();
                    using var client = new HttpClient();
                    return sites + await File.ReadAllTextAsync("x");
                }
            }
            """);
    }

    [Fact]
    public async Task ConstructorWorkInBaseOtherFile_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(
            ConstructorUsings + """
            public abstract partial class ModuleJob<TSettings> : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }
            }

            public class SettingsJob(IServiceScopeFactory factory) : ModuleJob<string>(factory)
            {
                public override string ExecuteJob(IServiceProvider provider) => Settings;
            }
            """,
            ConstructorUsings + """
            public abstract partial class ModuleJob<TSettings>
            {
                protected string Settings { get; } = {|OQJ4008:File.Exists("settings.json")|} ? "file" : "defaults";
            }
            """);
    }

    [Fact]
    public async Task DbContextCreatedInConstructor_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(
            """
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContext { }
            }
            """,
            ConstructorUsings + """
            namespace Acme.Data
            {
                public sealed class ReminderContext : Microsoft.EntityFrameworkCore.DbContext { }
            }

            namespace Acme.Jobs
            {
                public class DataJob : HostedServiceBase
                {
                    private readonly Acme.Data.ReminderContext _context = {|OQJ4008:new()|};

                    public DataJob(IServiceScopeFactory factory) : base(factory) { }

                    public override string ExecuteJob(IServiceProvider provider) => _context.ToString() ?? "";
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeFileClass_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            namespace Acme.Storage
            {
                public static class File
                {
                    public static string ReadAllText(string path) => path;
                }
            }

            namespace Acme.Jobs
            {
                using Acme.Storage;

                public class NamedJob : HostedServiceBase
                {
                    public NamedJob(IServiceScopeFactory factory) : base(factory)
                    {
                        Name = File.ReadAllText("Named");
                    }

                    public override string ExecuteJob(IServiceProvider provider) => "";
                }
            }
            """);
    }
}
