using Oqjob.Analyzers.CodeFixes;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
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

    [Fact]
    public async Task OqtaneBefore302_OffersFourCodes()
    {
        var test = new CodeFixTest<MetadataAnalyzer, InvalidFrequencyCodeFix>("OQJ3002")
        {
            TestCode = Job.Replace("{|OQJ3002:\"h\"|}", "{|OQJ3002:\"w\"|}"),
            FixedCode = Job.Replace("{|OQJ3002:\"h\"|}", "\"M\""),
            CodeActionIndex = 3,
            CodeActionEquivalenceKey = InvalidFrequencyCodeFix.EquivalenceKey("M"),
        };
        test.UseOqtaneVersion("3.0.1");
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_ProjectScope_FixesBothFiles()
    {
        var test = new CodeFixTest<MetadataAnalyzer, InvalidFrequencyCodeFix>("OQJ3002")
        {
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = InvalidFrequencyCodeFix.EquivalenceKey("H"),
        };
        test.TestState.Sources.Add(("ReminderJob.cs", Job));
        test.TestState.Sources.Add(("DigestJob.cs", Job.Replace("ReminderJob", "DigestJob").Replace("\"h\"", "\"hourly\"")));
        test.FixedState.Sources.Add(("ReminderJob.cs", Job.Replace("{|OQJ3002:\"h\"|}", "\"H\"")));
        test.FixedState.Sources.Add(("DigestJob.cs", Job.Replace("ReminderJob", "DigestJob").Replace("{|OQJ3002:\"h\"|}", "\"H\"")));

        // The project-wide fix-all must fix both files in one pass; one by one it takes two fixes.
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 2;
        await test.RunAsync();
    }
}
