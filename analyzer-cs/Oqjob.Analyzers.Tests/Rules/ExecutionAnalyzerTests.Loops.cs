using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

// OQJ4005: loops in the execution with no exit.
public partial class ExecutionAnalyzerTests
{
    [Fact]
    public async Task WhileTrue_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class PollingJob : HostedServiceBase
            {
                public PollingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var count = 0;
                    {|OQJ4005:while|} (true)
                    {
                        count++;
                    }
                }
            }
            """);
        Assert.Contains("runs a loop whose condition is always true with no break or return in 'PollingJob.ExecuteJob'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task ForeverForAndDo_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class PollingJob : HostedServiceBase
            {
                public PollingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Spin();
                    {|OQJ4005:for|} (;;)
                    {
                    }
                }

                private void Spin()
                {
                    var count = 0;
                    {|OQJ4005:do|}
                    {
                        count++;
                    }
                    while (1 < 2);
                }
            }
            """);
    }

    [Fact]
    public async Task ConstantFromOtherClass_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public static class Settings
            {
                public const bool Forever = true;
            }

            public class PollingJob : HostedServiceBase
            {
                private const bool KeepGoing = Settings.Forever && !false;

                public PollingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ4005:while|} (KeepGoing)
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LoopUntilCancellation_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class WatchingJob : HostedServiceBase
            {
                private readonly CancellationTokenSource _stop = new();

                public WatchingJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    var token = CancellationToken.None;
                    {|OQJ4005:while|} (!token.IsCancellationRequested)
                    {
                        await Task.Yield();
                    }

                    {|OQJ4005:while|} (_stop is { IsCancellationRequested: false })
                    {
                        await Task.Yield();
                    }

                    return "";
                }
            }
            """);
        Assert.All(diagnostics, diagnostic => Assert.Contains("a loop until cancellation", diagnostic.GetMessage()));
    }

    [Fact]
    public async Task LoopsWithExits_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class BoundedJob : HostedServiceBase
            {
                public BoundedJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Throwing();
                    Jumping();
                    Bounded(new[] { 1, 2 });
                    var count = 0;
                    while (true)
                    {
                        if (++count > 10) break;
                    }

                    for (;;)
                    {
                        if (++count > 20) return "done";
                    }
                }

                private void Throwing()
                {
                    while (true)
                    {
                        throw new InvalidOperationException();
                    }
                }

                private string Jumping()
                {
                    while (true)
                    {
                        goto done;
                    }

                done:
                    return "";
                }

                private void Bounded(int[] items)
                {
                    var index = 0;
                    while (index < items.Length) index++;
                    foreach (var item in items) { }
                }
            }
            """);
    }

    [Fact]
    public async Task BreakOfNestedLoopOrSwitch_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class NestedJob : HostedServiceBase
            {
                public NestedJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var count = 0;
                    {|OQJ4005:while|} (true)
                    {
                        for (var i = 0; i < 3; i++)
                        {
                            break;
                        }

                        switch (count++)
                        {
                            case 5:
                                break;
                        }

                        Func<string> inner = () => { return "not an exit"; };
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LoopOutsideExecution_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class QuietJob : HostedServiceBase
            {
                public QuietJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                private void NeverCalled()
                {
                    while (true) { }
                }
            }
            """);
    }

    [Fact]
    public async Task LoopInGenericBaseHelper_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public abstract class QueueJob<TItem> : HostedServiceBase
            {
                protected QueueJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Drain();
                    return "";
                }

                protected abstract void Drain();
            }

            public class MailJob : QueueJob<string>
            {
                public MailJob(IServiceScopeFactory factory) : base(factory) { }

                protected override void Drain()
                {
                    {|OQJ4005:while|} (true) { }
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeCancellationToken_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            namespace Acme.Threading
            {
                public sealed class CancellationToken
                {
                    private int _checks;

                    public bool IsCancellationRequested => ++_checks > 3;
                }
            }

            namespace Acme.Jobs
            {
                public class CountingJob : HostedServiceBase
                {
                    public CountingJob(IServiceScopeFactory factory) : base(factory) { }

                    public override string ExecuteJob(IServiceProvider provider)
                    {
                        var token = new Acme.Threading.CancellationToken();
                        while (!token.IsCancellationRequested) { }
                        return "";
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CancellationConditionForms_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class WatchingJob : HostedServiceBase
            {
                private const bool Forever = true;

                public WatchingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    using var source = new CancellationTokenSource();
                    {|OQJ4005:while|} (source.Token.IsCancellationRequested == false) { }
                    {|OQJ4005:do|} { } while (Forever && !source.IsCancellationRequested);
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task CancellationWithOtherBound_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(ThreadingUsings + """
            public class BatchJob : HostedServiceBase
            {
                public BatchJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var token = CancellationToken.None;
                    var count = 0;
                    while (!token.IsCancellationRequested && count < 10)
                    {
                        count++;
                    }

                    while (token.IsCancellationRequested) { }
                    return count.ToString();
                }
            }
            """);
    }
}
