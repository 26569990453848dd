using Oqjob.Analyzers.CodeFixes;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.CodeFixes;

public class BackgroundServiceToJobCodeFixTests
{
    private static CodeFixTest<JobTypeAndPlacementAnalyzer, BackgroundServiceToJobCodeFix> Test(string source, string fixedSource)
    {
        return new CodeFixTest<JobTypeAndPlacementAnalyzer, BackgroundServiceToJobCodeFix>("OQJ1002")
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = BackgroundServiceToJobCodeFix.EquivalenceKey,
        };
    }

    [Fact]
    public async Task WithConstructor_BecomesJob()
    {
        await Test(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public class {|OQJ1002:ReminderCacheWarmer|} : BackgroundService
            {
                private readonly ILogger<ReminderCacheWarmer> _logger;

                public ReminderCacheWarmer(ILogger<ReminderCacheWarmer> logger)
                {
                    _logger = logger;
                }

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await Task.Delay(10, stoppingToken);
                    _logger.LogInformation("Cache warmed");
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;
            using Oqtane.Infrastructure;

            public class ReminderCacheWarmer : HostedServiceBase
            {
                private readonly ILogger<ReminderCacheWarmer> _logger;

                public ReminderCacheWarmer(IServiceScopeFactory serviceScopeFactory, ILogger<ReminderCacheWarmer> logger) : base(serviceScopeFactory)
                {
                    Name = "Reminder Cache Warmer";
                    Frequency = "d";
                    Interval = 1;
                    IsEnabled = true;
                    _logger = logger;
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await Task.Delay(10, CancellationToken.None);
                    _logger.LogInformation("Cache warmed");
                    return "Completed";
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task WithoutConstructor_GetsOne()
    {
        await Test(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Oqtane.Infrastructure;

            public class {|OQJ1002:IndexBuilder|} : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await Task.Yield();
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Oqtane.Infrastructure;

            public class IndexBuilder : HostedServiceBase
            {
                public IndexBuilder(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
                {
                    Name = "Index Builder";
                    Frequency = "d";
                    Interval = 1;
                    IsEnabled = true;
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await Task.Yield();
                    return "Completed";
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task OverridesStopAsync_NoFix()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public class {|OQJ1002:FlushingService|} : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await Task.Yield();
                }

                public override Task StopAsync(CancellationToken cancellationToken) => base.StopAsync(cancellationToken);
            }
            """;
        await Test(source, source).RunAsync();
    }
}
