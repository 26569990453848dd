using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

// OQJ4004: background work started from the job.
public partial class ExecutionAnalyzerTests
{
    private const string ThreadingUsings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;

        """;

    [Fact]
    public async Task TaskRunNotAwaited_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class FireJob : HostedServiceBase
            {
                public FireJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ4004:Task.Run(() => Work())|};
                    return "started";
                }

                private void Work() { }
            }
            """);
        Assert.Contains("'FireJob' starts background work with Task.Run", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task AwaitedTaskRun_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class OffloadJob : HostedServiceBase
            {
                public OffloadJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    var first = await Task.Run(() => Compute());
                    await Task.Run(() => Compute()).ConfigureAwait(false);
                    return first.ToString();
                }

                private int Compute() => 42;
            }
            """);
    }

    [Fact]
    public async Task StartNewThreadPoolAndThreads_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class SpawningJob : HostedServiceBase
            {
                public SpawningJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await {|OQJ4004:Task.Factory.StartNew(async () => await Task.Yield())|};
                    {|OQJ4004:new TaskFactory().StartNew(Work)|};
                    {|OQJ4004:ThreadPool.QueueUserWorkItem(_ => Work())|};
                    {|OQJ4004:ThreadPool.UnsafeQueueUserWorkItem(_ => Work(), null)|};
                    {|OQJ4004:new Thread(Work)|}.Start();
                    Thread worker = {|OQJ4004:new(Work)|};
                    worker.Start();
                    return "";
                }

                private void Work() { }
            }
            """);
    }

    [Fact]
    public async Task TimersInJob_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class TickingJob : HostedServiceBase
            {
                private readonly System.Timers.Timer _ticker = {|OQJ4004:new System.Timers.Timer(1000)|};

                public TickingJob(IServiceScopeFactory factory) : base(factory)
                {
                    _ = {|OQJ4004:new Timer(_ => { }, null, 0, 1000)|};
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    // PeriodicTimer calls nothing back; OQJ1003 reports it.
                    using var periodic = new PeriodicTimer(TimeSpan.FromSeconds(1));
                    return _ticker.Interval.ToString();
                }
            }
            """);
    }

    [Fact]
    public async Task DiscardedTasks_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class ForgetfulJob : HostedServiceBase
            {
                public ForgetfulJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ4004:SaveAsync()|};
                    _ = {|OQJ4004:SaveAsync()|};
                    {|OQJ4004:SaveAsync().ContinueWith(_ => { })|};
                    {|OQJ4004:LoadAsync()|};
                    return "";
                }

                private Task SaveAsync() => Task.CompletedTask;

                private ValueTask<int> LoadAsync() => new ValueTask<int>(1);
            }
            """);
        Assert.Contains(diagnostics, diagnostic => diagnostic.GetMessage().Contains("the un-awaited call 'SaveAsync'"));
    }

    [Fact]
    public async Task AwaitedAndReturnedTasks_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class CarefulJob : HostedServiceBase
            {
                public CarefulJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await SaveAsync();
                    var pending = SaveAsync();
                    await pending;
                    await Task.WhenAll(SaveAsync(), SaveAsync());
                    Func<Task> later = () => SaveAsync();
                    await later();
                    return await Finish();
                }

                private Task SaveAsync() => Task.CompletedTask;

                private Task<string> Finish() => Task.FromResult("");
            }
            """);
    }

    [Fact]
    public async Task AsyncVoidMembersAndLambdas_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class VoidJob : HostedServiceBase
            {
                public VoidJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Fire();
                    Action handler = {|OQJ4004:async|} () => await Task.Yield();
                    handler();
                    Local();
                    return "";

                    async void {|OQJ4004:Local|}() => await Task.Yield();
                }

                private async void {|OQJ4004:Fire|}() => await Task.Yield();
            }
            """);
    }

    [Fact]
    public async Task AsyncVoidInPartialFile_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(
            ThreadingUsings + """
            public partial class SplitJob : HostedServiceBase
            {
                public SplitJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """,
            ThreadingUsings + """
            public partial class SplitJob
            {
                private async void {|OQJ4004:OnChanged|}(object? sender, EventArgs e) => await Task.Yield();
            }
            """);
    }

    [Fact]
    public async Task UsingStaticTaskRun_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;
            using static System.Threading.Tasks.Task;

            namespace Sample.Jobs;

            public class StaticJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ4004:Run(() => { })|};
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeTaskAndThread_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;
            using Acme.Threading;

            namespace Acme.Threading
            {
                public static class Task
                {
                    public static int Run(Action action) { action(); return 0; }
                }

                public sealed class Thread
                {
                    public Thread(Action action) { }
                }

                public static class ThreadPool
                {
                    public static bool QueueUserWorkItem(Action<object?> work) => true;
                }
            }

            namespace Acme.Jobs
            {
                public class LocalJob : HostedServiceBase
                {
                    public LocalJob(IServiceScopeFactory factory) : base(factory) { }

                    public override string ExecuteJob(IServiceProvider provider)
                    {
                        Task.Run(() => { });
                        new Thread(() => { });
                        ThreadPool.QueueUserWorkItem(_ => { });
                        return "";
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task BackgroundWorkOutsideJob_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class QuietJob : HostedServiceBase
            {
                public QuietJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }

            public class Service
            {
                public void Start() => Task.Run(() => { });

                private async void Fire() => await Task.Yield();
            }
            """);
    }
}
