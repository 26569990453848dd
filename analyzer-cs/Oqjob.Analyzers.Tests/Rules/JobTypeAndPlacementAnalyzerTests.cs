using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

public class JobTypeAndPlacementAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Oqtane.Infrastructure;

        """;

    [Fact]
    public async Task BackgroundServiceWithDelayLoop_Error()
    {
        var diagnostics = await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public class {|OQJ1001:Poller|} : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (true)
                    {
                        await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
                    }
                }
            }
            """);
        Assert.Contains("Task.Delay in a loop", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task LoopUntilCancellation_Error()
    {
        var diagnostics = await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public class {|OQJ1001:Worker|} : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        DoWork();
                    }

                    return Task.CompletedTask;
                }

                private static void DoWork() { }
            }
            """);
        Assert.Contains("a loop that runs until cancellation", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task DirectHostedServiceWithTimer_Error()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public sealed class {|OQJ1001:TimedService|} : IHostedService, IDisposable
            {
                private Timer? timer;

                public Task StartAsync(CancellationToken cancellationToken)
                {
                    timer = {|OQJ1003:new Timer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromHours(1))|};
                    return Task.CompletedTask;
                }

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                public void Dispose() => timer?.Dispose();
            }
            """);
    }

    [Fact]
    public async Task SchedulingInAbstractBase_ErrorOnConcreteType()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class PollingService : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    do
                    {
                        Poll();
                        Thread.Sleep(1000);
                    }
                    while (true);
                }

                protected abstract void Poll();
            }

            public class {|OQJ1001:InventoryPoller|} : PollingService
            {
                protected override void Poll() { }
            }
            """);
    }

    [Fact]
    public async Task PlainBackgroundService_Warning()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public class {|OQJ1002:CacheWarmer|} : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public async Task NestedPrivateHostedService_Warning()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public static class Services
            {
                private sealed class {|OQJ1002:Starter|} : IHostedService
                {
                    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public async Task DelayOutsideLoop_Warning()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public class {|OQJ1002:OneShot|} : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await Task.Delay(1000, stoppingToken);
                }
            }
            """);
    }

    [Fact]
    public async Task Job_NoDiagnostic()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public class GoodJob : HostedServiceBase
            {
                public GoodJob(IServiceScopeFactory factory) : base(factory)
                {
                    Frequency = "H";
                }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
    }

    [Fact]
    public async Task AbstractHostedService_NoDiagnostic()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ServiceBase : BackgroundService
            {
            }
            """);
    }

    [Fact]
    public async Task NotModuleAssembly_NoDiagnostic()
    {
        var test = new AnalyzerTest<JobTypeAndPlacementAnalyzer> { OqtaneVersion = null, AssemblyName = "Acme.Worker" };
        test.WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public class Worker : BackgroundService
            {
                private readonly Timer timer = new Timer(_ => { });

                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task LookAlikeTypes_NoDiagnostic()
    {
        // A module's own BackgroundService, Timer, Task and CancellationToken are not the framework's.
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync("""
            namespace Acme
            {
                public abstract class BackgroundService { }

                public sealed class Timer
                {
                    public Timer(System.Action callback) { }
                }

                public static class Task
                {
                    public static void Delay(int milliseconds) { }
                }

                public class Scheduler : BackgroundService
                {
                    private readonly Timer timer = new Timer(() => { });

                    public void Run()
                    {
                        while (true)
                        {
                            Task.Delay(10);
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task TimerAlias_Error()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync("""
            using Ticker = System.Timers.Timer;

            public class Refresher
            {
                private readonly Ticker ticker = {|OQJ1003:new Ticker(60000)|};

                public void Start()
                {
                    ticker.Start();
                    ticker.Stop();
                }
            }
            """);
    }

    [Fact]
    public async Task PeriodicTimerTargetTyped_Error()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync("""
            using System;
            using System.Threading;

            public class Ticking
            {
                public async System.Threading.Tasks.Task RunAsync()
                {
                    using PeriodicTimer timer = {|OQJ1003:new(TimeSpan.FromSeconds(30))|};
                    while (await timer.WaitForNextTickAsync())
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task OneFindingPerMemberAndTimer()
    {
        var diagnostics = await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync("""
            using System.Threading;

            public class Owner
            {
                public void Start()
                {
                    var first = {|OQJ1003:new Timer(_ => { })|};
                    first.Change(0, 1000);
                    var second = new Timer(_ => { });
                    second.Dispose();
                }
            }
            """);
        Assert.Contains("'Owner.Start' uses the timer System.Threading.Timer", diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("Acme.Reminders.Server")]
    [InlineData("Acme.Oqt.Server")]
    public async Task AssemblyNameWithoutOqtane_Error(string assemblyName)
    {
        var test = new AnalyzerTest<JobTypeAndPlacementAnalyzer> { AssemblyName = assemblyName };
        test.WithSource(Usings + """
            public class {|OQJ1004:ReminderJob|} : HostedServiceBase
            {
                public ReminderJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
        var diagnostics = await test.RunAsync();
        Assert.Contains("assembly '" + assemblyName + "'", diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("Acme.Reminders.Server.Oqtane")]
    [InlineData("OQTANE.Acme.Reminders")]
    [InlineData("Acme.oqtane")]
    public async Task AssemblyNameWithOqtane_NoDiagnostic(string assemblyName)
    {
        var test = new AnalyzerTest<JobTypeAndPlacementAnalyzer> { AssemblyName = assemblyName };
        test.WithSource(Usings + """
            public class ReminderJob : HostedServiceBase
            {
                public ReminderJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task BaseInOqtaneLibraryJobOutside_Error()
    {
        // The base class sits in a scanned assembly, but the concrete job that Oqtane would
        // register is compiled into one that is never loaded.
        var test = new AnalyzerTest<JobTypeAndPlacementAnalyzer> { AssemblyName = "Acme.Jobs" };
        test.LibrarySources.Add(Usings + """
            namespace Acme.Shared;

            public abstract class ModuleJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
        test.WithSource(Usings + """
            public sealed class {|OQJ1004:NightlyJob|}(IServiceScopeFactory factory) : Acme.Shared.ModuleJob(factory);
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task LookAlikeJobOutsideOqtane_NoDiagnostic()
    {
        var test = new AnalyzerTest<JobTypeAndPlacementAnalyzer> { AssemblyName = "Acme.Jobs" };
        test.WithSource("""
            namespace Acme
            {
                public abstract class HostedServiceBase { }

                public class NightlyJob : HostedServiceBase { }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenGenericJob_Error()
    {
        var diagnostics = await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public class {|OQJ1005:ExportJob|}<TItem> : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => typeof(TItem).Name;
            }
            """);
        Assert.Contains("it is an open generic type", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task JobNestedInGenericType_Error()
    {
        var diagnostics = await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public static class Exports<TItem>
            {
                public sealed class {|OQJ1005:Job|}(IServiceScopeFactory factory) : HostedServiceBase(factory)
                {
                    public override string ExecuteJob(IServiceProvider provider) => typeof(TItem).Name;
                }
            }
            """);
        Assert.Contains("nested in the generic type 'Exports<TItem>'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task ClosedGenericBase_NoDiagnostic()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ExportJob<TItem> : HostedServiceBase
            {
                protected ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => typeof(TItem).Name;
            }

            public sealed class NoteExportJob : ExportJob<string>
            {
                public NoteExportJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Theory]
    [InlineData("internal")]
    [InlineData("protected")]
    [InlineData("private")]
    public async Task NoPublicConstructor_Error(string accessibility)
    {
        var diagnostics = await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class {|OQJ1005:HiddenJob|} : HostedServiceBase
            {
                {{accessibility}} HiddenJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
        Assert.Contains("it has no public constructor", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task NoPublicConstructorInPartialPart_Error()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(
            Usings + """
            public partial class {|OQJ1005:SplitJob|} : HostedServiceBase
            {
                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """,
            Usings + """
            public partial class SplitJob
            {
                internal SplitJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task PublicConstructorInOtherPartialPart_NoDiagnostic()
    {
        await Verify<JobTypeAndPlacementAnalyzer>.AnalyzerAsync(
            Usings + """
            public partial class SplitJob : HostedServiceBase
            {
                private SplitJob() : base(null!) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """,
            Usings + """
            public partial class SplitJob
            {
                public SplitJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task OpenGenericOutsideOqtane_BothErrors()
    {
        var test = new AnalyzerTest<JobTypeAndPlacementAnalyzer> { AssemblyName = "Acme.Jobs" };
        test.WithSource(Usings + """
            using Base = Oqtane.Infrastructure.HostedServiceBase;

            public class {|OQJ1004:{|OQJ1005:ExportJob|}|}<TItem> : Base
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
        await test.RunAsync();
    }
}
