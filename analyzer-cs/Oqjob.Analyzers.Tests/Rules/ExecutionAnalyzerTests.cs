using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

public partial class ExecutionAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;

        """;

    [Fact]
    public async Task NoExecuteOverride_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public class {|OQJ4001:IdleJob|} : HostedServiceBase
            {
                public IdleJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task ExecuteJobOverride_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public class WorkingJob : HostedServiceBase
            {
                public WorkingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "done";
            }
            """);
    }

    [Fact]
    public async Task ExecuteJobAsyncOverride_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public class WorkingJob : HostedServiceBase
            {
                public WorkingJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await Task.Yield();
                    return "done";
                }
            }
            """);
    }

    [Fact]
    public async Task OverrideInAbstractIntermediate_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => Run();

                protected abstract string Run();
            }

            public class ConcreteJob : ModuleJob
            {
                public ConcreteJob(IServiceScopeFactory factory) : base(factory) { }

                protected override string Run() => "done";
            }
            """);
    }

    [Fact]
    public async Task OverrideInGenericIntermediate_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class JobBase<TItem> : HostedServiceBase
            {
                protected JobBase(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => typeof(TItem).Name;
            }

            public class ItemJob : JobBase<int>
            {
                public ItemJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task GenericIntermediateWithoutOverride_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class JobBase<TItem> : HostedServiceBase
            {
                protected JobBase(IServiceScopeFactory factory) : base(factory) { }
            }

            public class {|OQJ4001:ItemJob|} : JobBase<string>
            {
                public ItemJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task OverrideInReferencedAssemblyBase_NoDiagnostic()
    {
        var test = new AnalyzerTest<ExecutionAnalyzer>();
        test.LibrarySources.Add(Usings + """
            namespace Sample.Shared;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "done";
            }
            """);
        test.WithSource(Usings + """
            public class ConcreteJob : Sample.Shared.ModuleJob
            {
                public ConcreteJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedAssemblyBaseWithoutOverride_Diagnostic()
    {
        var test = new AnalyzerTest<ExecutionAnalyzer>();
        test.LibrarySources.Add(Usings + """
            namespace Sample.Shared;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
        test.WithSource(Usings + """
            public class {|OQJ4001:ConcreteJob|} : Sample.Shared.ModuleJob
            {
                public ConcreteJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task HidingWithNew_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public class {|OQJ4001:HidingJob|} : HostedServiceBase
            {
                public HidingJob(IServiceScopeFactory factory) : base(factory) { }

                public new string ExecuteJob(IServiceProvider provider) => "never called";
            }
            """);
    }

    [Fact]
    public async Task OverrideInOtherPartialFile_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(
            Usings + """
            public partial class SplitJob : HostedServiceBase
            {
                public SplitJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """,
            Usings + """
            public partial class SplitJob
            {
                public override string ExecuteJob(IServiceProvider provider) => "done";
            }
            """);
    }

    [Fact]
    public async Task AbstractJob_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task UsingAliasAndFileScopedNamespace_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            using Microsoft.Extensions.DependencyInjection;
            using JobBase = Oqtane.Infrastructure.HostedServiceBase;

            namespace Sample.Jobs;

            public class {|OQJ4001:AliasJob|} : JobBase
            {
                public AliasJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task GlobalUsing_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(
            """
            global using Oqtane.Infrastructure;
            global using Microsoft.Extensions.DependencyInjection;
            """,
            """
            public class {|OQJ4001:GlobalJob|} : HostedServiceBase
            {
                public GlobalJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
    }

    [Fact]
    public async Task NestedJobWithPrimaryConstructor_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            public static class Jobs
            {
                private sealed class {|OQJ4001:Inner|}(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory factory)
                    : global::Oqtane.Infrastructure.HostedServiceBase(factory);
            }
            """);
    }

    [Fact]
    public async Task LookAlikeHostedServiceBase_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            namespace Acme.Infrastructure
            {
                public abstract class HostedServiceBase
                {
                    public virtual string ExecuteJob(System.IServiceProvider provider) => "";
                }
            }

            namespace Acme.Jobs
            {
                public class NotAJob : Acme.Infrastructure.HostedServiceBase
                {
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeWithFrameworkNamespaceInOtherAssembly_NoDiagnostic()
    {
        // Same namespace and name as the framework's class, but not from Oqtane.Server.
        var test = new AnalyzerTest<ExecutionAnalyzer>();
        test.LibraryAssemblyName = "Acme.Copies";
        test.LibrarySources.Add("""
            namespace Oqtane.Infrastructure
            {
                public abstract class HostedServiceBase
                {
                }
            }
            """);
        test.WithSource("""
            extern alias copies;
            public class NotAJob : copies::Oqtane.Infrastructure.HostedServiceBase
            {
            }
            """);
        test.LibraryAliases.Add("copies");
        await test.RunAsync();
    }
}
