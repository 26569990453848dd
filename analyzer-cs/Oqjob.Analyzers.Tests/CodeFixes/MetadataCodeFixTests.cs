using Oqjob.Analyzers.CodeFixes;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.CodeFixes;

public class MetadataCodeFixTests
{
    private const string Usings = """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;


        """;

    private static CodeFixTest<MetadataAnalyzer, RedeclaredMetadataCodeFix> Redeclared(string source, string fixedSource)
    {
        return new CodeFixTest<MetadataAnalyzer, RedeclaredMetadataCodeFix>("OQJ3001")
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            CodeActionEquivalenceKey = RedeclaredMetadataCodeFix.EquivalenceKey,
        };
    }

    private static CodeFixTest<MetadataAnalyzer, MetadataOutsideConstructorCodeFix> Outside(string source, string fixedSource)
    {
        return new CodeFixTest<MetadataAnalyzer, MetadataOutsideConstructorCodeFix>("OQJ3004")
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            CodeActionEquivalenceKey = MetadataOutsideConstructorCodeFix.EquivalenceKey,
        };
    }

    [Fact]
    public async Task RedeclaredWithInitializer_AssignedInConstructor()
    {
        await Redeclared(
            """
            public class ReportJob : HostedServiceBase
            {
                public new string {|OQJ3001:Name|} { get; set; } = "Reports";
                public new int {|OQJ3001:Interval|} => 6;

                public ReportJob(IServiceScopeFactory factory) : base(factory)
                {
                    Frequency = "H";
                }

                public override string ExecuteJob(IServiceProvider provider) => Name;
            }
            """,
            """
            public class ReportJob : HostedServiceBase
            {
                public ReportJob(IServiceScopeFactory factory) : base(factory)
                {
                    Interval = 6;
                    Name = "Reports";
                    Frequency = "H";
                }

                public override string ExecuteJob(IServiceProvider provider) => Name;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task RedeclaredWithoutValue_ConstructorAssignmentKept()
    {
        await Redeclared(
            """
            public class FlagJob : HostedServiceBase
            {
                public new bool {|OQJ3001:IsEnabled|} { get; set; }

                public FlagJob(IServiceScopeFactory factory) : base(factory)
                {
                    IsEnabled = true;
                }

                public override string ExecuteJob(IServiceProvider provider) => "Done";
            }
            """,
            """
            public class FlagJob : HostedServiceBase
            {
                public FlagJob(IServiceScopeFactory factory) : base(factory)
                {
                    IsEnabled = true;
                }

                public override string ExecuteJob(IServiceProvider provider) => "Done";
            }
            """).RunAsync();
    }

    [Fact]
    public async Task RedeclaredWithOtherType_NoFix()
    {
        const string source = """
            public class TypedJob : HostedServiceBase
            {
                public new TimeSpan {|OQJ3001:Interval|} { get; set; } = TimeSpan.FromHours(1);

                public TypedJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider) => Interval.ToString();
            }
            """;
        await Redeclared(source, source).RunAsync();
    }

    [Fact]
    public async Task AssignedInMethod_MovedToConstructor()
    {
        await Outside(
            """
            public class LateJob : HostedServiceBase
            {
                public LateJob(IServiceScopeFactory factory) : base(factory)
                {
                    Name = "Late";
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ3004:Frequency = "H"|};
                    {|OQJ3004:this.IsEnabled = true|};
                    return "Done";
                }
            }
            """,
            """
            public class LateJob : HostedServiceBase
            {
                public LateJob(IServiceScopeFactory factory) : base(factory)
                {
                    Name = "Late";
                    Frequency = "H";
                    this.IsEnabled = true;
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    return "Done";
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task ValueFromParameter_NoFix()
    {
        const string source = """
            public class ParameterJob : HostedServiceBase
            {
                public ParameterJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public void Configure(string name)
                {
                    {|OQJ3004:Name = name|};
                }

                public override string ExecuteJob(IServiceProvider provider) => "Done";
            }
            """;
        await Outside(source, source).RunAsync();
    }

    [Fact]
    public async Task ConstructorAlreadyAssigns_NoFix()
    {
        const string source = """
            public class TwiceJob : HostedServiceBase
            {
                public TwiceJob(IServiceScopeFactory factory) : base(factory)
                {
                    Interval = 2;
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ3004:Interval = 5|};
                    return "Done";
                }
            }
            """;
        await Outside(source, source).RunAsync();
    }

    [Fact]
    public async Task AssignedInBranch_NoFix()
    {
        const string source = """
            public class BranchJob : HostedServiceBase
            {
                public BranchJob(IServiceScopeFactory factory) : base(factory)
                {
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    if (DateTime.UtcNow.Year > 2000)
                    {
                        {|OQJ3004:IsEnabled = true|};
                    }

                    return "Done";
                }
            }
            """;
        await Outside(source, source).RunAsync();
    }
}
