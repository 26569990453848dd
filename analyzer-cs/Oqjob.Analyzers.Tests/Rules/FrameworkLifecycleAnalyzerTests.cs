using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

public class FrameworkLifecycleAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using Microsoft.Extensions.Hosting;
        using Oqtane.Infrastructure;
        using Oqtane.Models;
        using Oqtane.Repository;

        """;

    private const string ReminderJob = """

        public class ReminderJob : HostedServiceBase
        {
            public ReminderJob(IServiceScopeFactory factory) : base(factory) { }

            public override string ExecuteJob(IServiceProvider provider) => "";
        }
        """;

    [Fact]
    public async Task RepositoryParameterAndCalls_Oqj8001()
    {
        var diagnostics = await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + """
            public class JobAdmin
            {
                private readonly IJobRepository _jobs;

                public JobAdmin({|OQJ8001:IJobRepository|} jobs)
                {
                    _jobs = jobs;
                }

                public int Count() => {|OQJ8001:_jobs.GetJobs()|}.GetHashCode();

                public void Clear(IServiceProvider provider, int jobId)
                {
                    var logs = {|OQJ8001:provider.GetRequiredService<IJobLogRepository>()|};
                    {|OQJ8001:logs.DeleteJobLog(jobId)|};
                }
            }
            """);
        Assert.Contains("'JobAdmin' uses the parameter 'jobs' of type IJobRepository", InSourceOrder(diagnostics)[0].GetMessage());
        Assert.Contains("'JobAdmin' uses IJobRepository.GetJobs()", InSourceOrder(diagnostics)[1].GetMessage());
    }

    [Fact]
    public async Task PrimaryConstructorAndRecord_Oqj8001()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + """
            namespace Acme.Admin;

            public class HistoryController({|OQJ8001:IJobLogRepository|} logs)
            {
                public int Count(int jobId) => {|OQJ8001:logs.GetJobLogs(jobId)|}.GetHashCode();
            }

            public record JobRequest({|OQJ8001:IJobRepository|} Jobs);
            """);
    }

    [Fact]
    public async Task ResolutionByTypeOf_Oqj8001()
    {
        var diagnostics = await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + """
            public static class Lookup
            {
                public static object? Jobs(IServiceProvider provider) => {|OQJ8001:provider.GetService(typeof(IJobRepository))|};
            }
            """);
        Assert.Contains("IJobRepository, resolved with GetService", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task JobRowWrites_Oqj8001()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + """
            public class Rescheduler
            {
                public void Reset(Job job, JobLog log)
                {
                    {|OQJ8001:job.NextExecution|} = DateTime.UtcNow;
                    {|OQJ8001:job.IsExecuting|} = false;
                    {|OQJ8001:job.Interval|}++;
                    {|OQJ8001:job.Interval|} += 2;
                    var copy = new JobLog { {|OQJ8001:Notes|} = "manual" };
                    var next = job.NextExecution ?? DateTime.MinValue;
                }
            }
            """);
    }

    [Fact]
    public async Task StartAndStopOnJob_Oqj8001()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + ReminderJob + """

            public class Restarter
            {
                public async Task Restart(ReminderJob job, HostedServiceBase any, IHostedService other)
                {
                    await {|OQJ8001:job.StopAsync(CancellationToken.None)|};
                    await {|OQJ8001:any.StartAsync(CancellationToken.None)|};
                    await other.StartAsync(CancellationToken.None);
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikePersistenceTypes_NoDiagnostic()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings.Replace("using Oqtane.Models;\n", "").Replace("using Oqtane.Repository;\n", "") + """
            namespace Acme
            {
                public interface IJobRepository { void GetJobs(); }

                public class Job
                {
                    public DateTime? NextExecution { get; set; }
                }

                public class Scheduler
                {
                    public void Run(IJobRepository jobs, Job job)
                    {
                        jobs.GetJobs();
                        job.NextExecution = DateTime.UtcNow;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NotModuleAssembly_NoDiagnostic()
    {
        var test = new AnalyzerTest<FrameworkLifecycleAnalyzer> { OqtaneVersion = null };
        test.WithSource("""
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public class Worker : BackgroundService
            {
                protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken token)
                {
                    lock (this) { }
                    return System.Threading.Tasks.Task.CompletedTask;
                }

                public static void Register(IServiceCollection services) => services.AddSingleton<IHostedService, Worker>();
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task ServerStartupRegistersAsHostedService_Oqj8002()
    {
        var diagnostics = await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + ReminderJob + """

            public class Startup : IServerStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    {|OQJ8002:services.AddSingleton<IHostedService, ReminderJob>()|};
                }

                public void Configure(Microsoft.AspNetCore.Builder.IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IWebHostEnvironment env) { }

                public void ConfigureMvc(IMvcBuilder mvcBuilder) { }
            }
            """);
        Assert.Contains("'Startup' registers job 'ReminderJob' as a hosted service with AddSingleton<IHostedService, ReminderJob>()", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task RegistrationVariants_Oqj8002()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + ReminderJob + """

            public static class Registration
            {
                public static void Register(IServiceCollection services)
                {
                    {|OQJ8002:services.AddTransient<IHostedService, ReminderJob>()|};
                    {|OQJ8002:ServiceCollectionServiceExtensions.AddScoped<IHostedService, ReminderJob>(services)|};
                    {|OQJ8002:services.AddSingleton<IHostedService>(sp => new ReminderJob(sp.GetRequiredService<IServiceScopeFactory>()))|};
                    {|OQJ8002:services.AddSingleton(typeof(IHostedService), typeof(ReminderJob))|};
                    services.TryAddEnumerable({|OQJ8002:ServiceDescriptor.Singleton<IHostedService, ReminderJob>()|});
                    services.Add({|OQJ8002:new ServiceDescriptor(typeof(IHostedService), typeof(ReminderJob), ServiceLifetime.Singleton)|});
                    {|OQJ8002:services.TryAddSingleton<IHostedService, ReminderJob>()|};
                }
            }
            """);
    }

    [Fact]
    public async Task AliasAndFactoryBody_Oqj8002()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + ReminderJob + """

            namespace Acme.Startup
            {
                using Hosted = Microsoft.Extensions.Hosting.IHostedService;

                public static class Registration
                {
                    public static IServiceCollection Register(this IServiceCollection services) =>
                        {|OQJ8002:services.AddSingleton<Hosted>(sp =>
                        {
                            var factory = sp.GetRequiredService<IServiceScopeFactory>();
                            return new ReminderJob(factory);
                        })|};
                }
            }
            """);
    }

    [Fact]
    public async Task NonJobHostedServiceRegistration_NoOqj8002()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + ReminderJob + """

            public interface IReminderService { }

            public class ReminderService : IReminderService { }

            public class Worker : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken token) => Task.CompletedTask;
            }

            public static class Registration
            {
                public static void Register(IServiceCollection services)
                {
                    services.AddSingleton<IHostedService, Worker>();
                    services.AddScoped<IReminderService, ReminderService>();
                    services.AddHostedService<Worker>();
                }
            }
            """);
    }

    [Fact]
    public async Task AddHostedServiceSameAssembly_Oqj8003()
    {
        var diagnostics = await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + ReminderJob + """

            public static class Registration
            {
                public static void Register(IServiceCollection services) => {|OQJ8003:services.AddHostedService<ReminderJob>()|};
            }
            """);
        Assert.Contains("which is redundant because the framework registers every job of this assembly", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task AddHostedServiceOtherAssembly_Oqj8003()
    {
        var test = new AnalyzerTest<FrameworkLifecycleAnalyzer>();
        test.LibrarySources.Add(Usings + "namespace Acme.Jobs;" + ReminderJob);
        test.WithSource(Usings + """
            public static class Registration
            {
                public static void Register(IServiceCollection services) => {|OQJ8003:services.AddHostedService<Acme.Jobs.ReminderJob>()|};
            }
            """);
        var diagnostics = await test.RunAsync();
        Assert.Contains("adds a second instance", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task JobAsOwnServiceType_Oqj8003()
    {
        var diagnostics = await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + ReminderJob + """

            public static class Registration
            {
                public static void Register(IServiceCollection services)
                {
                    {|OQJ8003:services.AddSingleton<ReminderJob>()|};
                    {|OQJ8003:services.TryAddSingleton(typeof(ReminderJob))|};
                    services.TryAdd({|OQJ8003:ServiceDescriptor.Transient<ReminderJob, ReminderJob>()|});
                }
            }
            """);
        Assert.Contains("so the framework skips it and the job never runs", InSourceOrder(diagnostics)[0].GetMessage());
    }

    [Fact]
    public async Task LockStatementAndMonitor_Oqj8004()
    {
        var diagnostics = await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + """
            public class LockingJob : HostedServiceBase
            {
                private readonly object _gate = new object();

                public LockingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ8004:lock (_gate)|}
                    {
                    }

                    lock (_gate)
                    {
                    }

                    {|OQJ8004:Monitor.Enter(_gate)|};
                    Monitor.Exit(_gate);
                    return "";
                }
            }
            """);
        Assert.Contains("uses a lock statement", InSourceOrder(diagnostics)[0].GetMessage());
        Assert.Contains("uses System.Threading.Monitor", InSourceOrder(diagnostics)[1].GetMessage());
    }

    [Fact]
    public async Task SemaphoreInAbstractGenericBase_Oqj8004()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class GatedJob<T> : HostedServiceBase
            {
                private readonly SemaphoreSlim _gate = {|OQJ8004:new SemaphoreSlim(1, 1)|};

                protected GatedJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await {|OQJ8004:_gate.WaitAsync()|};
                    try
                    {
                        return typeof(T).Name;
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }

            public class ExportJob : GatedJob<int>
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task MutexAndLockType_Oqj8004()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(
            Usings + """
            public partial class ExportJob : HostedServiceBase
            {
                private readonly Lock _gate = {|OQJ8004:new()|};

                public ExportJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """,
            Usings + """
            public partial class ExportJob
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    using var mutex = {|OQJ8004:new Mutex(false, "export")|};
                    {|OQJ8004:lock (_gate)|}
                    {
                        return "";
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DistributedLockManager_Oqj8004()
    {
        var diagnostics = await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + """
            public class ClusterJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    var locks = provider.GetRequiredService<IDistributedLockManager>();
                    if (!{|OQJ8004:locks.TryAcquireLock("export", "node", TimeSpan.FromMinutes(5))|})
                    {
                        return "";
                    }

                    locks.ReleaseLock("export");
                    return "done";
                }
            }
            """);
        Assert.Contains("Oqtane.Infrastructure.IDistributedLockManager", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task LockOutsideJob_NoOqj8004()
    {
        await Verify<FrameworkLifecycleAnalyzer>.AnalyzerAsync(Usings + """
            namespace Acme
            {
                public class SemaphoreSlim
                {
                    public Task WaitAsync() => Task.CompletedTask;
                }

                public class Cache
                {
                    private readonly object _gate = new object();

                    public void Clear()
                    {
                        lock (_gate) { }
                    }
                }

                public class LookAlikeJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
                {
                    private readonly SemaphoreSlim _gate = new SemaphoreSlim();

                    public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                    {
                        await _gate.WaitAsync();
                        new Cache().Clear();
                        return "";
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task OldOqtaneVersion_Oqj8004()
    {
        // Before 4.0.3 ExecuteJob is abstract and ExecuteJobAsync does not exist.
        var test = new AnalyzerTest<FrameworkLifecycleAnalyzer> { OqtaneVersion = "3.0.1" };
        test.WithSource(Usings + """
            public class LegacyJob : HostedServiceBase
            {
                private static readonly object Gate = new object();

                public LegacyJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ8004:lock (Gate)|}
                    {
                        return "";
                    }
                }
            }
            """);
        await test.RunAsync();
    }

    /// <summary>Sorts diagnostics by position, because analyzers report them in no fixed order.</summary>
    private static List<Microsoft.CodeAnalysis.Diagnostic> InSourceOrder(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
    {
        return diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ToList();
    }
}
