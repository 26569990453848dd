using Oqjob.Analyzers.CodeFixes;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.CodeFixes;

public class ConstructorDependencyCodeFixTests
{
    private static CodeFixTest<ConstructorAndScopeAnalyzer, ConstructorDependencyCodeFix> Test(string source, string fixedSource)
    {
        return new CodeFixTest<ConstructorAndScopeAnalyzer, ConstructorDependencyCodeFix>("OQJ2002", "OQJ2003")
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ConstructorDependencyCodeFix.EquivalenceKey,
        };
    }

    [Fact]
    public async Task LoggerField_ResolvedInExecuteJobAsync()
    {
        await Test(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using Oqtane.Infrastructure;

            public class ReminderJob : HostedServiceBase
            {
                private readonly ILogger<ReminderJob> _logger;

                public ReminderJob(IServiceScopeFactory serviceScopeFactory, {|OQJ2003:ILogger<ReminderJob>|} logger) : base(serviceScopeFactory)
                {
                    Name = "Reminders";
                    _logger = logger;
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await Task.Yield();
                    _logger.LogInformation("Reminders sent");
                    return "Sent";
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using Oqtane.Infrastructure;

            public class ReminderJob : HostedServiceBase
            {
                public ReminderJob(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
                {
                    Name = "Reminders";
                }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    var logger = provider.GetRequiredService<ILogger<ReminderJob>>();
                    await Task.Yield();
                    logger.LogInformation("Reminders sent");
                    return "Sent";
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task MissingUsing_IsAdded()
    {
        await Test(
            """
            using System;
            using Oqtane.Infrastructure;

            public class AliasJob : HostedServiceBase
            {
                private readonly ITenantManager tenantManager;

                public AliasJob(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenantManager) : base(factory)
                {
                    this.tenantManager = tenantManager ?? throw new ArgumentNullException(nameof(tenantManager));
                }

                public override string ExecuteJob(IServiceProvider provider) => this.tenantManager.GetTenantId().ToString();
            }
            """,
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class AliasJob : HostedServiceBase
            {
                public AliasJob(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenantManager = provider.GetRequiredService<ITenantManager>();
                    return tenantManager.GetTenantId().ToString();
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task UnusedParameter_IsRemoved()
    {
        await Test(
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class QuietJob : HostedServiceBase
            {
                public QuietJob(IServiceScopeFactory factory, {|OQJ2003:IConfiguration|} configuration) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider) => "Done";
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class QuietJob : HostedServiceBase
            {
                public QuietJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider) => "Done";
            }
            """).RunAsync();
    }

    [Fact]
    public async Task TwoParameters_FixAllRemovesBoth()
    {
        await Test(
            """
            using System;
            using System.Linq;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;
            using Oqtane.Repository;

            public class SiteJob : HostedServiceBase
            {
                private readonly ITenantManager _tenantManager;
                private readonly ISiteRepository _sites;

                public SiteJob(IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenantManager, {|OQJ2002:ISiteRepository|} sites) : base(factory)
                {
                    _tenantManager = tenantManager;
                    _sites = sites;
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenantId = _tenantManager.GetTenantId();
                    return tenantId + ": " + _sites.GetSites().Count();
                }
            }
            """,
            """
            using System;
            using System.Linq;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;
            using Oqtane.Repository;

            public class SiteJob : HostedServiceBase
            {
                public SiteJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var sites = provider.GetRequiredService<ISiteRepository>();
                    var tenantManager = provider.GetRequiredService<ITenantManager>();
                    var tenantId = tenantManager.GetTenantId();
                    return tenantId + ": " + sites.GetSites().Count();
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task FieldReadByHelper_NoFix()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class HelperJob : HostedServiceBase
            {
                private readonly ITenantManager _tenantManager;

                public HelperJob(IServiceScopeFactory factory, {|OQJ2002:ITenantManager|} tenantManager) : base(factory)
                {
                    _tenantManager = tenantManager;
                }

                public override string ExecuteJob(IServiceProvider provider) => Describe();

                private string Describe() => _tenantManager.GetTenantId().ToString();
            }
            """;
        await Test(source, source).RunAsync();
    }

    [Fact]
    public async Task ParameterReadInConstructor_NoFix()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class ConfiguredJob : HostedServiceBase
            {
                public ConfiguredJob(IServiceScopeFactory factory, {|OQJ2003:IConfiguration|} configuration) : base(factory)
                {
                    Name = configuration["JobName"] ?? "Configured";
                }

                public override string ExecuteJob(IServiceProvider provider) => "Done";
            }
            """;
        await Test(source, source).RunAsync();
    }

    [Fact]
    public async Task ConstructorCalledInSource_NoFix()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;

            public class CalledJob : HostedServiceBase
            {
                public CalledJob(IServiceScopeFactory factory, {|OQJ2003:IConfiguration|} configuration) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider) => "Done";

                public static CalledJob Create(IServiceScopeFactory factory, IConfiguration configuration) => new CalledJob(factory, configuration);
            }
            """;
        await Test(source, source).RunAsync();
    }
}
