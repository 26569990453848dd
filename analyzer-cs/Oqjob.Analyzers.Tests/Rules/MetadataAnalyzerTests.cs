using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

public class MetadataAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Globalization;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;

        """;

    private const string Execute = "public override string ExecuteJob(IServiceProvider provider) => \"done\";";

    // The four properties that OQJ3006 requires, so that tests of the other rules see no info.
    private const string Basics = """
        Name = "Cleanup";
                Frequency = "H";
                Interval = 1;
                IsEnabled = true;
        """;

    private static string Job(string constructorBody, string members = Execute)
    {
        return Usings + $$"""
            public class CleanupJob : HostedServiceBase
            {
                public CleanupJob(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                    {{constructorBody}}
                }

                {{members}}
            }
            """;
    }

    // ---- OQJ3001 redeclared metadata ----

    [Fact]
    public async Task NewProperty_Redeclared()
    {
        // The constructor's Frequency = "H" now sets the new property, so the base one keeps its default.
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class {|OQJ3006:CleanupJob|} : HostedServiceBase
            {
                public CleanupJob(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                }

                public new string {|OQJ3001:Frequency|} { get; set; } = "m";

                {{Execute}}
            }
            """);
        Assert.Contains("redeclares 'CleanupJob.Frequency'", diagnostics.Single(d => d.Id == "OQJ3001").GetMessage());
        Assert.Contains("never assigns Frequency", diagnostics.Single(d => d.Id == "OQJ3006").GetMessage());
    }

    [Fact]
    public async Task FieldAndMethodWithoutNew_Redeclared()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class {|OQJ3006:CleanupJob|} : HostedServiceBase
            {
                public CleanupJob(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                }

            #pragma warning disable CS0108
                private int {|OQJ3001:Interval|} = 5;
                public bool {|OQJ3001:EndDate|}() => Interval > 1;
            #pragma warning restore CS0108

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task OtherMemberNames_NotRedeclared()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", Execute + """

                public string JobName => Name;
                private int interval = 1;
                public int GetInterval() => interval;
            """));
    }

    [Fact]
    public async Task RedeclaredInAbstractGenericBase_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class ModuleJob<TOptions> : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public new int {|OQJ3001:RetentionHistory|} => 3;
            }

            public class ExportJob : ModuleJob<string>
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task RedeclaredInReferencedBase_ReportedOnJob()
    {
        var test = new AnalyzerTest<MetadataAnalyzer>();
        test.LibrarySources.Add(Usings + """
            namespace Sample.Shared;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { Name = "Module"; Frequency = "d"; Interval = 1; IsEnabled = true; }

                public new DateTime? StartDate { get; set; }
            }
            """);
        test.WithSource(Usings + $$"""
            public class {|OQJ3001:ExportJob|} : Sample.Shared.ModuleJob
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                {{Execute}}
            }
            """);
        var diagnostics = await test.RunAsync();
        Assert.Contains("'Sample.Shared.ModuleJob.StartDate'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task RedeclaredInProjectReference_ReportedOnJob()
    {
        // An IDE references another project of the solution as a compilation, whose symbols keep source locations.
        var library = CSharpCompilation.Create(
            "Sample.Module.Shared.Oqtane",
            new[] { CSharpSyntaxTree.ParseText(Usings + """
                namespace Sample.Shared;

                public abstract class ModuleJob : HostedServiceBase
                {
                    protected ModuleJob(IServiceScopeFactory factory) : base(factory) { Name = "Module"; Frequency = "h"; Interval = 1; IsEnabled = true; }

                    public new bool IsEnabled => true;
                }
                """, new CSharpParseOptions(LanguageVersion.CSharp12), "ModuleJob.cs") },
            TestReferences.Framework.AddRange(OqtaneStandIn.References(OqtaneStandIn.CurrentVersion)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var test = new AnalyzerTest<MetadataAnalyzer>();
        test.AdditionalReferences.Add(library.ToMetadataReference());
        test.WithSource(Usings + $$"""
            public class {|OQJ3001:ExportJob|} : Sample.Shared.ModuleJob
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                {{Execute}}
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task MaximumDurationSince1020_Redeclared()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", Execute + """

                public new int {|OQJ3001:MaximumDuration|} { get; } = 60;
            """));
    }

    [Fact]
    public async Task MaximumDurationBefore1020_NotRedeclared()
    {
        // Before 10.2.0 the job's own property is no metadata, so neither OQJ3001 nor OQJ3003 applies.
        var test = new AnalyzerTest<MetadataAnalyzer> { OqtaneVersion = "10.1.0" };
        test.WithSource(Job("MaximumDuration = 0;", Execute + """

                public int MaximumDuration { get; set; } = 60;
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task LookAlikeBase_NotAJob()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync("""
            namespace Acme.Infrastructure
            {
                public abstract class HostedServiceBase
                {
                    public string Frequency { get; set; } = "d";
                }
            }

            namespace Acme.Jobs
            {
                public class FakeJob : Acme.Infrastructure.HostedServiceBase
                {
                    public new string Frequency { get; set; } = "x";

                    public FakeJob() { base.Frequency = "every hour"; }
                }
            }
            """);
    }

    // ---- OQJ3002 frequency codes ----

    [Theory]
    [InlineData("m")]
    [InlineData("H")]
    [InlineData("d")]
    [InlineData("w")]
    [InlineData("M")]
    [InlineData("O")]
    public async Task ValidFrequency_NoDiagnostic(string code)
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job($"Frequency = \"{code}\";"));
    }

    [Theory]
    [InlineData("h")]
    [InlineData("s")]
    [InlineData("D")]
    [InlineData("")]
    [InlineData("hourly")]
    public async Task InvalidFrequency_Reported(string code)
    {
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Job($"Frequency = {{|OQJ3002:\"{code}\"|}};"));
        Assert.Contains($"sets Frequency to \"{code}\"", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task FrequencyFromConstantOfOtherClass_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public static class FrequencyCodes
            {
                public const string Hourly = "h";
                public const string Prefix = "M";
            }

            public class ReportJob : HostedServiceBase
            {
                public ReportJob(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                    this.Frequency = {|OQJ3002:FrequencyCodes.Hourly|};
                    base.Frequency = {|OQJ3002:FrequencyCodes.Prefix + "M"|};
                }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task GlobalAliasAndExpressionBodiedConstructor_Reported()
    {
        var test = new AnalyzerTest<MetadataAnalyzer>();
        test.WithSource("global using JobBase = Oqtane.Infrastructure.HostedServiceBase;", "GlobalUsings.cs");
        test.WithSource("""
            using Microsoft.Extensions.DependencyInjection;

            namespace Acme.Jobs;

            public class {|OQJ3006:{|OQJ3006:{|OQJ3006:AliasJob|}|}|} : JobBase
            {
                public AliasJob(IServiceScopeFactory factory) : base(factory) => Frequency = {|OQJ3002:"Daily"|};

                public override string ExecuteJob(System.IServiceProvider provider) => "done";
            }
            """, "AliasJob.cs");
        await test.RunAsync();
    }

    [Fact]
    public async Task FrequencyNotConstant_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("Frequency = Environment.GetEnvironmentVariable(\"JOB_FREQUENCY\") ?? \"d\";"));
    }

    [Theory]
    [InlineData("3.0.1", true)]
    [InlineData("3.0.2", false)]
    public async Task WeeklyFrequency_VersionGate(string version, bool reported)
    {
        var value = reported ? "{|OQJ3002:\"w\"|}" : "\"w\"";
        var once = reported ? "{|OQJ3002:\"O\"|}" : "\"O\"";
        var test = new AnalyzerTest<MetadataAnalyzer> { OqtaneVersion = version };
        test.WithSource(Usings + $$"""
            public class WeeklyJob : HostedServiceBase
            {
                public WeeklyJob(IServiceScopeFactory factory) : base(factory)
                {
                    Name = "Weekly";
                    Interval = 1;
                    IsEnabled = true;
                    Frequency = {{value}};
                    Frequency = {{once}};
                }

                public override string ExecuteJob(IServiceProvider provider) => "done";
            }
            """);
        var diagnostics = await test.RunAsync();
        if (reported)
        {
            Assert.All(diagnostics, d => Assert.Contains("upgrade to Oqtane 3.0.2", d.GetMessage()));
            Assert.All(diagnostics, d => Assert.Contains("which Oqtane 3.0.1 does not know", d.GetMessage()));
        }
    }

    [Fact]
    public async Task FrequencyInDeconstruction_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("(Name, Frequency) = (\"Tuple\", {|OQJ3002:\"hour\"|});"));
    }

    // ---- OQJ3003 impossible constants ----

    [Fact]
    public async Task ImpossibleNumbers_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("""
            Interval = {|OQJ3003:60 / 120|};
                    RetentionHistory = {|OQJ3003:-1|};
                    MaximumDuration = {|OQJ3003:0|};
            """));
    }

    [Fact]
    public async Task PossibleNumbers_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("""
            Interval = 120 / 60;
                    RetentionHistory = 0;
                    MaximumDuration = 1;
            """));
    }

    [Fact]
    public async Task NullAndLongName_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job($$"""
            Name = {|OQJ3003:null|}!;
                    Name = {|OQJ3003:"{{new string('x', 150)}}" + "{{new string('y', 51)}}"|};
                    Name = "{{new string('z', 200)}}";
            """));
    }

    [Fact]
    public async Task LongJobTypeName_Reported()
    {
        // "Namespace.Type, Assembly" with the default test assembly name Sample.Module.Server.Oqtane.
        var typeName = new string('J', 143);
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            namespace Acme.Module.Jobs.Maintenance;

            public class {|OQJ3003:{{typeName}}|} : HostedServiceBase
            {
                public {{typeName}}(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                }

                {{Execute}}
            }
            """);
        Assert.Contains("is 201 characters", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task JobTypeNameAtLimit_NoDiagnostic()
    {
        // 28 + 1 + 142 + 2 + 27 = 200 characters.
        var typeName = new string('J', 142);
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            namespace Acme.Module.Jobs.Maintenance;

            public class {{typeName}} : HostedServiceBase
            {
                public {{typeName}}(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task EndDateBeforeStartDate_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("""
            StartDate = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
                    EndDate = {|OQJ3003:new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)|};
            """));
    }

    [Fact]
    public async Task EndDateEqualToStartDate_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("""
            StartDate = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                    EndDate = {|OQJ3003:new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)|};
            """));
    }

    [Fact]
    public async Task EndDateAfterStartDate_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("""
            StartDate = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                    EndDate = new DateTime(2025, 1, 1, 0, 0, 1, DateTimeKind.Utc);
            """));
    }

    [Fact]
    public async Task EndDateFromClock_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("""
            StartDate = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                    EndDate = DateTime.UtcNow.AddYears(1);
            """));
    }

    // ---- OQJ3004 assigned outside the construction ----

    [Fact]
    public async Task AssignedInExecuteJob_Reported()
    {
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            public override string ExecuteJob(IServiceProvider provider)
                {
                    {|OQJ3004:Interval = 5|};
                    return "done";
                }
            """));
        Assert.Contains("assigns 'Interval' in 'CleanupJob.ExecuteJob'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task AssignedInUncalledMethod_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", Execute + """

                public void Configure(bool enabled) => {|OQJ3004:IsEnabled = enabled|};
            """));
    }

    [Fact]
    public async Task AssignedInMethodCalledFromConstructor_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("Configure();", Execute + """

                private void Configure()
                {
                    RetentionHistory = 20;
                    StartDate = DateTime.UtcNow;
                }
            """));
    }

    [Fact]
    public async Task OverrideCalledByBaseConstructor_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory)
                {
                    Describe();
                }

                protected abstract void Describe();
            }

            public class ExportJob : ModuleJob
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                protected override void Describe()
                {
                    {{Basics}}
                }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task AssignedInPartialPartOutsideConstruction_Reported()
    {
        var test = new AnalyzerTest<MetadataAnalyzer>();
        test.WithSource(Usings + $$"""
            public partial class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                }
            }
            """, "ExportJob.cs");
        test.WithSource(Usings + """
            public partial class ExportJob
            {
                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await Task.Yield();
                    {|OQJ3004:Name ??= "Export"|};
                    {|OQJ3004:RetentionHistory += 1|};
                    return "done";
                }
            }
            """, "ExportJob.Execution.cs");
        await test.RunAsync();
    }

    [Fact]
    public async Task OtherInstanceInExecution_OnlyInitializerReported()
    {
        // The member access on another instance is left alone; the object initializer is reported once.
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            public override string ExecuteJob(IServiceProvider provider)
                {
                    var other = new CleanupJob(provider.GetRequiredService<IServiceScopeFactory>()) { {|OQJ3004:Interval = 2|} };
                    other.Frequency = "d";
                    return "done";
                }
            """));
    }

    [Fact]
    public async Task ObjectInitializerInStartup_Reported()
    {
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("") + """

            public static class JobSetup
            {
                public static HostedServiceBase Create(IServiceScopeFactory factory) => new CleanupJob(factory)
                {
                    {|OQJ3004:Frequency = {|OQJ3002:"hourly"|}|},
                    {|OQJ3004:StartDate = {|OQJ3005:DateTime.Now|}|},
                };
            }
            """);
        Assert.Contains("assigns 'Frequency' in 'JobSetup.Create'", diagnostics.First(d => d.Id == "OQJ3004").GetMessage());
    }

    [Fact]
    public async Task ObjectInitializerOfNonJob_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + """
            public class Schedule
            {
                public string Frequency { get; set; } = "d";
            }

            public static class ScheduleSetup
            {
                public static Schedule Create() => new() { Frequency = "hourly" };
            }
            """);
    }

    // ---- OQJ3005 local or unspecified times ----

    [Theory]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.Today")]
    [InlineData("DateTime.Now.AddHours(1)")]
    [InlineData("DateTime.Today.AddDays(1).Date")]
    [InlineData("new DateTime(2030, 1, 1)")]
    [InlineData("new DateTime(2030, 1, 1, 3, 0, 0, DateTimeKind.Local)")]
    [InlineData("new DateTime(2030, 1, 1, 3, 0, 0, DateTimeKind.Unspecified)")]
    [InlineData("DateTime.Parse(\"2030-01-01 03:00\", CultureInfo.InvariantCulture)")]
    [InlineData("DateTime.ParseExact(\"03:00\", \"H:mm\", CultureInfo.InvariantCulture)")]
    [InlineData("DateTime.Parse(\"03:00\", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)")]
    [InlineData("DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Local)")]
    [InlineData("DateTime.UtcNow.ToLocalTime()")]
    [InlineData("DateTimeOffset.Now.DateTime")]
    [InlineData("DateTimeOffset.UtcNow.LocalDateTime")]
    public async Task LocalStartDate_Reported(string value)
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job($"StartDate = {{|OQJ3005:{value}|}};"));
    }

    [Theory]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTime.UtcNow.AddHours(1)")]
    [InlineData("DateTime.Now.ToUniversalTime()")]
    [InlineData("DateTime.ParseExact(\"03:00\", \"H:mm\", CultureInfo.InvariantCulture).ToUniversalTime()")]
    [InlineData("DateTime.Parse(\"03:00\", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)")]
    [InlineData("DateTime.SpecifyKind(new DateTime(2030, 1, 1), DateTimeKind.Utc)")]
    [InlineData("new DateTime(2030, 1, 1, 3, 0, 0, DateTimeKind.Utc)")]
    [InlineData("DateTimeOffset.UtcNow.DateTime")]
    [InlineData("DateTimeOffset.Now.UtcDateTime")]
    [InlineData("null")]
    public async Task UtcStartDate_NoDiagnostic(string value)
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job($"StartDate = {value};"));
    }

    [Fact]
    public async Task LocalEndDateThroughLocal_Reported()
    {
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("""
            var start = DateTime.Now;
                    var end = start.AddDays(30);
                    EndDate = {|OQJ3005:end|};
            """));
        Assert.Contains("sets EndDate from DateTime.Now", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task LocalStartDateFromReadOnlyField_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("StartDate = {|OQJ3005:FirstRun|};", Execute + """

                private static readonly DateTime FirstRun = DateTime.Today.AddHours(3);
            """));
    }

    [Fact]
    public async Task ReadOnlyFieldReassigned_NotTraced()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("firstRun = DateTime.UtcNow; StartDate = firstRun;", Execute + """

                private readonly DateTime firstRun = DateTime.Now;
            """));
    }

    [Fact]
    public async Task LookAlikeDateTime_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            namespace Acme.Time
            {
                public static class DateTime
                {
                    public static System.DateTime Now => System.DateTime.UtcNow;
                }
            }

            namespace Acme.Jobs
            {
                using DateTime = Acme.Time.DateTime;

                public class ClockJob : HostedServiceBase
                {
                    public ClockJob(IServiceScopeFactory factory) : base(factory)
                    {
                        {{Basics}}
                        StartDate = DateTime.Now;
                    }

                    {{Execute}}
                }
            }
            """);
    }

    // ---- OQJ3006 defaults ----

    [Fact]
    public async Task NothingAssigned_ReportsEachDefault()
    {
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class {|OQJ3006:{|OQJ3006:{|OQJ3006:{|OQJ3006:BareJob|}|}|}|} : HostedServiceBase
            {
                public BareJob(IServiceScopeFactory factory) : base(factory) { }

                {{Execute}}
            }
            """);
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("never assigns IsEnabled"));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("never assigns Name"));
    }

    [Fact]
    public async Task PrimaryConstructorsWithBaseAssigning_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            namespace Acme.Jobs;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory, string name) : base(factory)
                {
                    {{Basics}}
                    Name = name;
                }
            }

            public class PrimaryJob(IServiceScopeFactory factory) : ModuleJob(factory, "Primary")
            {
                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task PrimaryConstructorAlone_ReportsDefaults()
    {
        // Initializers of a primary-constructor class cannot reach the inherited properties.
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class {|OQJ3006:{|OQJ3006:{|OQJ3006:{|OQJ3006:PrimaryJob|}|}|}|}(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task AssignedInSourceBase_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                }
            }

            public class ExportJob : ModuleJob
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                {{Execute}}
            }
            """);
    }

    [Fact]
    public async Task ReferencedBaseWithoutSource_NoDiagnostic()
    {
        var test = new AnalyzerTest<MetadataAnalyzer>();
        test.LibrarySources.Add(Usings + """
            namespace Sample.Shared;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
        test.WithSource(Usings + $$"""
            public class ExportJob : Sample.Shared.ModuleJob
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                {{Execute}}
            }
            """);
        await test.RunAsync();
    }

    // ---- OQJ3007 self-managed timing ----

    [Fact]
    public async Task HourGate_Reported()
    {
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            public override string ExecuteJob(IServiceProvider provider)
                {
                    if ({|OQJ3007:DateTime.UtcNow.Hour|} != 3)
                    {
                        return "not yet";
                    }

                    return "done";
                }
            """));
        Assert.Contains("the current time's Hour", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task GatesThroughLocalsAndPatterns_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            public override string ExecuteJob(IServiceProvider provider)
                {
                    var now = DateTimeOffset.Now;
                    var minute = now.Minute;
                    if ({|OQJ3007:minute % 15|} == 0) { }
                    if ({|OQJ3007:now.DayOfWeek|} is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    {
                        return "weekend";
                    }

                    if ({|OQJ3007:DateTime.Now is not { Hour: < 22 }|} || DateTime.Now is { Date: { Year: 2030 } })
                    {
                        return "late";
                    }

                    switch ({|OQJ3007:DateTime.Today.Day|})
                    {
                        case 1:
                            return "first";
                    }

                    return {|OQJ3007:DateTime.Now.TimeOfDay|} > TimeSpan.FromHours(22) ? "late" : Work();
                }

                private string Work() => "done";
            """));
    }

    [Fact]
    public async Task GateInCalledHelper_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await Task.Yield();
                    return IsNight() ? "night" : "day";
                }

                private static bool IsNight() => {|OQJ3007:DateTime.UtcNow.Hour|} < 6;
            """));
    }

    [Fact]
    public async Task ClockUsedForOutput_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            public override string ExecuteJob(IServiceProvider provider)
                {
                    var now = DateTime.UtcNow;
                    var cutoff = now.AddDays(-30);
                    return "Purged before " + cutoff.ToString("u") + " at hour " + now.Hour;
                }
            """));
    }

    [Fact]
    public async Task ClockComparedWithDataDate_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            public override string ExecuteJob(IServiceProvider provider)
                {
                    var created = new[] { DateTime.UtcNow.AddDays(-1), DateTime.UtcNow };
                    var today = DateTime.UtcNow;
                    var count = System.Linq.Enumerable.Count(created, item => item.Day == today.Day && item.Hour < DateTime.UtcNow.Hour);
                    return count + " items today";
                }
            """));
    }

    [Fact]
    public async Task GateOutsideExecution_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("if (DateTime.UtcNow.Hour > 12) { RetentionHistory = 5; }"));
    }

    [Fact]
    public async Task LastRunField_Reported()
    {
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            private static DateTime? lastRun;

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var elapsed = DateTime.UtcNow - lastRun;
                    if ({|OQJ3007:elapsed < TimeSpan.FromHours(6)|})
                    {
                        return "skipped";
                    }

                    lastRun = DateTime.UtcNow;
                    return "done";
                }
            """));
        Assert.Contains("last-run time kept in the field 'lastRun'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task LastRunOffsetFieldInBase_Reported()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class ThrottledJob : HostedServiceBase
            {
                protected DateTimeOffset LastRun;

                protected ThrottledJob(IServiceScopeFactory factory) : base(factory)
                {
                    {{Basics}}
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    if ({|OQJ3007:LastRun.AddMinutes(30) > DateTimeOffset.UtcNow|})
                    {
                        return "skipped";
                    }

                    LastRun = DateTimeOffset.UtcNow;
                    return "done";
                }
            }

            public class ExportJob : ThrottledJob
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task LastRunProperty_Reported()
    {
        var diagnostics = await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            private DateTimeOffset? LastRun { get; set; }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    if (LastRun is { } last && {|OQJ3007:DateTimeOffset.UtcNow < last.AddDays(7)|})
                    {
                        return "skipped";
                    }

                    LastRun = DateTimeOffset.UtcNow;
                    return "done";
                }
            """));
        Assert.Contains("property 'LastRun'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task StartDateComparedWithClock_NoDiagnostic()
    {
        // StartDate is the framework's own schedule, not a time the job keeps.
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            public override string ExecuteJob(IServiceProvider provider)
                {
                    return StartDate < DateTime.UtcNow ? "started" : "early";
                }
            """));
    }

    [Fact]
    public async Task DateFieldComparedWithoutClock_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Job("", """
            private readonly DateTime cutoff = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var item = DateTime.Parse("2021-01-01", CultureInfo.InvariantCulture);
                    return item > cutoff ? "new" : "old";
                }
            """));
    }

    [Fact]
    public async Task LookAlikeClock_NoDiagnostic()
    {
        await Verify<MetadataAnalyzer>.AnalyzerAsync(Usings + $$"""
            namespace Acme.Time
            {
                public sealed class DateTime
                {
                    public static DateTime Now { get; } = new DateTime();
                    public int Hour => 3;
                }
            }

            namespace Acme.Jobs
            {
                using Acme.Time;

                public class ClockJob : HostedServiceBase
                {
                    public ClockJob(IServiceScopeFactory factory) : base(factory)
                    {
                        {{Basics}}
                    }

                    public override string ExecuteJob(IServiceProvider provider)
                    {
                        return DateTime.Now.Hour == 3 ? "three" : "other";
                    }
                }
            }
            """);
    }
}
