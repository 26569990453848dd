using Oqjob.Analyzers.CodeFixes;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.CodeFixes;

public class InvalidFrequencyCodeFixTests
{
    private const string Job = """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;

        public class ReminderJob : HostedServiceBase
        {
            public ReminderJob(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
            {
                Frequency = {|OQJ3002:"h"|};
            }

            public override string ExecuteJob(IServiceProvider provider) => "done";
        }
        """;

    [Theory]
    [InlineData("m", 0)]
    [InlineData("H", 1)]
    [InlineData("d", 2)]
    [InlineData("w", 3)]
    [InlineData("M", 4)]
    [InlineData("O", 5)]
    public async Task Literal_EachCodeIsOwnFix(string code, int index)
    {
        var test = new CodeFixTest<MetadataAnalyzer, InvalidFrequencyCodeFix>("OQJ3002")
        {
            TestCode = Job,
            FixedCode = Job.Replace("{|OQJ3002:\"h\"|}", "\"" + code + "\""),
            CodeActionIndex = index,
            CodeActionEquivalenceKey = InvalidFrequencyCodeFix.EquivalenceKey(code),
        };

        await test.RunAsync();
    }
}
