using Oqjob.Analyzers.CodeFixes;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.CodeFixes;

public class BlockingOnAsyncCodeFixTests
{
    private static CodeFixTest<ExecutionAnalyzer, BlockingOnAsyncCodeFix> Test(string source, string fixedSource)
    {
        return new CodeFixTest<ExecutionAnalyzer, BlockingOnAsyncCodeFix>("OQJ4007")
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = BlockingOnAsyncCodeFix.EquivalenceKey,
        };
    }

    [Fact]
    public async Task ThreeWaits_AllAwaited()
    {
        await Test(
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class FeedJob : HostedServiceBase
            {
                public FeedJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var client = provider.GetRequiredService<HttpClient>();
                    var feed = {|OQJ4007:client.GetStringAsync("https://example.invalid/feed").Result|};
                    {|OQJ4007:Task.Delay(10).Wait()|};
                    var length = {|OQJ4007:client.GetByteArrayAsync("https://example.invalid/logo").ConfigureAwait(false).GetAwaiter().GetResult()|}.Length;
                    return feed + length;
                }
            }
            """,
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class FeedJob : HostedServiceBase
            {
                public FeedJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    var client = provider.GetRequiredService<HttpClient>();
                    var feed = await client.GetStringAsync("https://example.invalid/feed");
                    await Task.Delay(10);
                    var length = (await client.GetByteArrayAsync("https://example.invalid/logo").ConfigureAwait(false)).Length;
                    return feed + length;
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task MissingTasksUsing_IsAdded()
    {
        await Test(
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class CountJob : HostedServiceBase
            {
                public CountJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider) => {|OQJ4007:System.Threading.Tasks.Task.FromResult(3).Result|}.ToString();
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class CountJob : HostedServiceBase
            {
                public CountJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider) => (await System.Threading.Tasks.Task.FromResult(3)).ToString();
            }
            """).RunAsync();
    }

    [Fact]
    public async Task WaitInHelper_NoFix()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class HelperJob : HostedServiceBase
            {
                public HelperJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider) => Load();

                private string Load() => {|OQJ4007:Task.FromResult("loaded").Result|};
            }
            """;
        await Test(source, source).RunAsync();
    }

    [Fact]
    public async Task JobWithExecuteJobAsync_NoFix()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class BothJob : HostedServiceBase
            {
                public BothJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider) => {|OQJ4007:Task.FromResult("sync").Result|};

                public override Task<string> ExecuteJobAsync(IServiceProvider provider) => Task.FromResult("async");
            }
            """;
        await Test(source, source).RunAsync();
    }
}
