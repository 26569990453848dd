using Oqjob.Analyzers.CodeFixes;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.CodeFixes;

public class MissingExecuteOverrideCodeFixTests
{
    [Fact]
    public async Task CurrentOqtane_AddsExecuteJobAsync()
    {
        await new CodeFixTest<ExecutionAnalyzer, MissingExecuteOverrideCodeFix>("OQJ4001")
        {
            TestCode = """
                using Microsoft.Extensions.DependencyInjection;
                using Oqtane.Infrastructure;

                public class {|OQJ4001:ExportJob|} : HostedServiceBase
                {
                    public ExportJob(IServiceScopeFactory factory) : base(factory)
                    {
                        Name = "Export";
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                using Oqtane.Infrastructure;

                public class ExportJob : HostedServiceBase
                {
                    public ExportJob(IServiceScopeFactory factory) : base(factory)
                    {
                        Name = "Export";
                    }

                    public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                    {
                        var log = "";
                        // Resolve services from provider, do the work for the current tenant and add to log what the job log should show.
                        await Task.CompletedTask;
                        return log;
                    }
                }
                """,
            CodeActionEquivalenceKey = MissingExecuteOverrideCodeFix.EquivalenceKey,
        }.RunAsync();
    }

    // Before Oqtane 4.0.3 ExecuteJob is abstract, so the job without it does not compile (CS0534).
    [Fact]
    public async Task OqtaneBefore403_AddsExecuteJob()
    {
        var test = new CodeFixTest<ExecutionAnalyzer, MissingExecuteOverrideCodeFix>("OQJ4001")
        {
            TestCode = """
                using System;
                using Microsoft.Extensions.DependencyInjection;
                using Oqtane.Infrastructure;

                public class {|OQJ4001:{|CS0534:LegacyJob|}|} : HostedServiceBase
                {
                    public LegacyJob(IServiceScopeFactory factory) : base(factory)
                    {
                    }
                }
                """,
            FixedCode = """
                using System;
                using Microsoft.Extensions.DependencyInjection;
                using Oqtane.Infrastructure;

                public class LegacyJob : HostedServiceBase
                {
                    public LegacyJob(IServiceScopeFactory factory) : base(factory)
                    {
                    }

                    public override string ExecuteJob(IServiceProvider provider)
                    {
                        var log = "";
                        // Resolve services from provider, do the work for the current tenant and add to log what the job log should show.
                        return log;
                    }
                }
                """,
            CodeActionEquivalenceKey = MissingExecuteOverrideCodeFix.EquivalenceKey,
        };
        test.UseOqtaneVersion("4.0.0");
        await test.RunAsync();
    }
}
