using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

// OQJ4006 (delays in the execution) and OQJ4007 (blocking on tasks in ExecuteJob).
public partial class ExecutionAnalyzerTests
{
    [Fact]
    public async Task SleepAndDelayInExecution_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class WaitingJob : HostedServiceBase
            {
                public WaitingJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await {|OQJ4006:Task.Delay(TimeSpan.FromSeconds(5))|};
                    Pause();
                    Func<int, Task> wait = {|OQJ4006:Task.Delay|};
                    await wait(1);
                    return "";
                }

                private void Pause() => {|OQJ4006:Thread.Sleep(100)|};
            }
            """);
        Assert.Contains(diagnostics, diagnostic => diagnostic.GetMessage().Contains("'WaitingJob' waits with Task.Delay in 'WaitingJob.ExecuteJobAsync'"));
        Assert.Contains(diagnostics, diagnostic => diagnostic.GetMessage().Contains("waits with Thread.Sleep in 'WaitingJob.Pause'"));
    }

    [Fact]
    public async Task DelayInLambdaAndProperty_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class WaitingJob : HostedServiceBase
            {
                public WaitingJob(IServiceScopeFactory factory) : base(factory) { }

                private int Settled
                {
                    get
                    {
                        {|OQJ4006:Thread.Sleep(1)|};
                        return 1;
                    }
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Action pause = () => {|OQJ4006:Thread.Sleep(10)|};
                    pause();
                    return Settled.ToString();
                }
            }
            """);
    }

    [Fact]
    public async Task UsingStaticAndAliasSleep_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;
            using static System.Threading.Thread;
            using Pause = System.Threading.Thread;

            namespace Sample.Jobs;

            public class SleepyJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ4006:Sleep(10)|};
                    {|OQJ4006:Pause.Sleep(10)|};
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task DelayOutsideExecutionOrLookAlike_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            namespace Acme.Threading
            {
                public static class Thread
                {
                    public static void Sleep(int milliseconds) { }
                }
            }

            namespace Acme.Jobs
            {
                using Acme.Threading;

                public class QuietJob : HostedServiceBase
                {
                    public QuietJob(IServiceScopeFactory factory) : base(factory) { }

                    public override string ExecuteJob(IServiceProvider provider)
                    {
                        Thread.Sleep(10);
                        return "";
                    }

                    private void NeverCalled() => System.Threading.Thread.Sleep(10);
                }
            }
            """);
    }

    [Fact]
    public async Task BlockingInExecuteJob_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class BlockingJob : HostedServiceBase
            {
                public BlockingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var text = {|OQJ4007:LoadAsync().Result|};
                    {|OQJ4007:SaveAsync().Wait()|};
                    {|OQJ4007:SaveAsync().GetAwaiter().GetResult()|};
                    {|OQJ4007:SaveAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};
                    var count = {|OQJ4007:CountAsync().Result|};
                    count += {|OQJ4007:CountAsync().GetAwaiter().GetResult()|};
                    {|OQJ4007:Task.WaitAll(SaveAsync(), SaveAsync())|};
                    return text + count + Helper();
                }

                private string Helper() => {|OQJ4007:LoadAsync().Result|};

                private Task<string> LoadAsync() => Task.FromResult("");

                private Task SaveAsync() => Task.CompletedTask;

                private ValueTask<int> CountAsync() => new ValueTask<int>(1);
            }
            """);
        Assert.Contains(diagnostics, diagnostic => diagnostic.GetMessage().Contains("blocks on async work with Task.Result in 'BlockingJob.ExecuteJob'"));
    }

    [Fact]
    public async Task BlockingOnlyInAsyncPath_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class AsyncJob : HostedServiceBase
            {
                public AsyncJob(IServiceScopeFactory factory) : base(factory) { }

                public override Task<string> ExecuteJobAsync(IServiceProvider provider) => Task.FromResult(Helper());

                private string Helper() => LoadAsync().Result;

                private Task<string> LoadAsync() => Task.FromResult("");
            }
            """);
    }

    [Fact]
    public async Task LookAlikeResult_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public sealed class Outcome
            {
                public string Result => "";

                public void Wait() { }
            }

            public class PlainJob : HostedServiceBase
            {
                public PlainJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var outcome = new Outcome();
                    outcome.Wait();
                    return outcome.Result;
                }
            }
            """);
    }

    [Theory]
    [InlineData("4.0.2", false)]
    [InlineData("4.0.3", true)]
    public async Task BlockingBeforeExecuteJobAsync_VersionGate(string version, bool expected)
    {
        var result = expected ? "{|OQJ4007:LoadAsync().Result|}" : "LoadAsync().Result";
        var test = new AnalyzerTest<ExecutionAnalyzer> { OqtaneVersion = version };
        test.WithSource(ThreadingUsings + $$"""
            public class LegacyJob : HostedServiceBase
            {
                public LegacyJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => {{result}};

                private Task<string> LoadAsync() => Task.FromResult("");
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task DelayInPartialOverride_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(
            ThreadingUsings + """
            public partial class SplitJob : HostedServiceBase
            {
                public SplitJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """,
            ThreadingUsings + """
            public partial class SplitJob
            {
                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await {|OQJ4006:Task.Delay(10)|}.ConfigureAwait(false);
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task BlockingInDerivedOverrideFromBase_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public abstract class ModuleJob<TItem> : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => Label;

                protected abstract string Label { get; }
            }

            public class ItemJob : ModuleJob<int>
            {
                public ItemJob(IServiceScopeFactory factory) : base(factory) { }

                protected override string Label => {|OQJ4007:LoadAsync().Result|};

                private static Task<string> LoadAsync() => Task.FromResult("");
            }
            """);
    }
}
