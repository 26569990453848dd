using Oqjob.Analyzers.CodeFixes;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.CodeFixes;

public class UnguardedWorkCodeFixTests
{
    private static CodeFixTest<ErrorsAndOutputAnalyzer, UnguardedWorkCodeFix> Test(string source, string fixedSource)
    {
        return new CodeFixTest<ErrorsAndOutputAnalyzer, UnguardedWorkCodeFix>("OQJ6001")
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = UnguardedWorkCodeFix.EquivalenceKey,
        };
    }

    [Fact]
    public async Task LogLocal_ErrorAddedToLog()
    {
        await Test(
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class AliasJob : HostedServiceBase
            {
                public AliasJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "";
                    var tenantManager = {|OQJ6001:provider.GetRequiredService<ITenantManager>()|};
                    log += "Tenant " + tenantManager.GetTenantId();
                    return log;
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class AliasJob : HostedServiceBase
            {
                public AliasJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "";
                    try
                    {
                        var tenantManager = provider.GetRequiredService<ITenantManager>();
                        log += "Tenant " + tenantManager.GetTenantId();
                        return log;
                    }
                    catch (Exception ex)
                    {
                        return log + "Error: " + ex.Message;
                    }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task AsyncExpressionBody_BecomesGuardedBlock()
    {
        await Test(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class PingJob : HostedServiceBase
            {
                public PingJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider) => await {|OQJ6001:Task.FromResult("pong")|};
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class PingJob : HostedServiceBase
            {
                public PingJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    try
                    {
                        return await Task.FromResult("pong");
                    }
                    catch (Exception ex)
                    {
                        return "Error: " + ex.Message;
                    }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task TaskReturningOverride_NoFix()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class ForwardJob : HostedServiceBase
            {
                public ForwardJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override Task<string> ExecuteJobAsync(IServiceProvider provider) => {|OQJ6001:Task.FromResult("forwarded")|};
            }
            """;
        await Test(source, source).RunAsync();
    }
}
