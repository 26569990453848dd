using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

// OQJ4002 (both execute methods overridden) and OQJ4003 (lifecycle taken over).
public partial class ExecutionAnalyzerTests
{
    private const string LifecycleUsings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Oqtane.Infrastructure;

        """;

    [Fact]
    public async Task BothOverrides_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public class {|OQJ4002:DoubleJob|} : HostedServiceBase
            {
                public DoubleJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "sync";

                public override Task<string> ExecuteJobAsync(IServiceProvider provider) => Task.FromResult("async");
            }
            """);
        Assert.Contains("'DoubleJob' overrides both ExecuteJob and ExecuteJobAsync", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task BothOverridesAcrossChain_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ModuleJob<T> : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => typeof(T).Name;
            }

            public class {|OQJ4002:ItemJob|} : ModuleJob<int>
            {
                public ItemJob(IServiceScopeFactory factory) : base(factory) { }

                public override Task<string> ExecuteJobAsync(IServiceProvider provider) => Task.FromResult("");
            }
            """);
    }

    [Fact]
    public async Task BothOverridesInReferencedBase_Diagnostic()
    {
        var test = new AnalyzerTest<ExecutionAnalyzer>();
        test.LibrarySources.Add(Usings + """
            namespace Sample.Shared;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                public override Task<string> ExecuteJobAsync(IServiceProvider provider) => Task.FromResult("");
            }
            """);
        test.WithSource(Usings + """
            public class {|OQJ4002:ConcreteJob|} : Sample.Shared.ModuleJob
            {
                public ConcreteJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task OverrideAndHiddenAsync_NoBothDiagnostic()
    {
        // A method that hides ExecuteJobAsync with new is never called by the framework.
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            public class HidingJob : HostedServiceBase
            {
                public HidingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                public new Task<string> ExecuteJobAsync(IServiceProvider provider) => Task.FromResult("");
            }
            """);
    }

    [Fact]
    public async Task HiddenStartAsync_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(LifecycleUsings + """
            public class StartingJob : HostedServiceBase
            {
                public StartingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                public new Task {|OQJ4003:StartAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);
        Assert.Contains("'StartingJob' declares 'StartAsync', but the framework owns", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task EachLifecycleName_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(LifecycleUsings + """
            public class SelfRunningJob : HostedServiceBase
            {
                public SelfRunningJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                public Task {|OQJ4003:StopAsync|}() => Task.CompletedTask;

                protected new Task {|OQJ4003:ExecuteAsync|}(CancellationToken stoppingToken) => Task.CompletedTask;

            #pragma warning disable CS0108
                public void {|OQJ4003:Dispose|}() { }
            #pragma warning restore CS0108
            }
            """);
    }

    [Fact]
    public async Task DisposePatternOverloadAlone_NoDiagnostic()
    {
        // Dispose(bool) hides nothing and the framework never calls it.
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(LifecycleUsings + """
            public class CleanJob : HostedServiceBase
            {
                public CleanJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                protected virtual void Dispose(bool disposing) { }
            }
            """);
    }

    [Fact]
    public async Task DisposePatternWithDispose_ReportsDisposeOnly()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(LifecycleUsings + """
            public class CleanJob : HostedServiceBase
            {
                public CleanJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                public new void {|OQJ4003:Dispose|}() => Dispose(true);

                protected virtual void Dispose(bool disposing) { }
            }
            """);
    }

    [Fact]
    public async Task ReimplementedInterfaceThroughAlias_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;
            using Lifetime = Microsoft.Extensions.Hosting.IHostedService;

            public class RestartingJob : HostedServiceBase, {|OQJ4003:Lifetime|}
            {
                public RestartingJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
        Assert.Contains("re-implements IHostedService in the base list of 'RestartingJob'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task ExplicitInterfaceImplementation_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(LifecycleUsings + """
            public class ExplicitJob : HostedServiceBase, {|OQJ4003:IHostedService|}, {|OQJ4003:IAsyncDisposable|}
            {
                public ExplicitJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                Task IHostedService.{|OQJ4003:StartAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;

                ValueTask IAsyncDisposable.{|OQJ4003:DisposeAsync|}() => ValueTask.CompletedTask;
            }
            """);
    }

    [Fact]
    public async Task TakeoverInAbstractBaseOtherFile_Diagnostic()
    {
        var diagnostics = await Verify<ExecutionAnalyzer>.AnalyzerAsync(
            LifecycleUsings + """
            public abstract partial class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }
            }

            public class ConcreteJob : ModuleJob
            {
                public ConcreteJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """,
            LifecycleUsings + """
            public abstract partial class ModuleJob
            {
                protected new Task {|OQJ4003:ExecuteAsync|}(CancellationToken stoppingToken) => Task.CompletedTask;
            }
            """);
        Assert.Contains("declares 'ExecuteAsync' in its base class 'ModuleJob'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task TakeoverInReferencedBase_ReportedOnJob()
    {
        var test = new AnalyzerTest<ExecutionAnalyzer>();
        test.LibrarySources.Add(LifecycleUsings + """
            namespace Sample.Shared;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public new Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);
        test.WithSource(Usings + """
            public class {|OQJ4003:ConcreteJob|} : Sample.Shared.ModuleJob
            {
                public ConcreteJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task LookAlikeNamesAndInterface_NoDiagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(Usings + """
            namespace Acme.Hosting
            {
                public interface IHostedService { }
            }

            public class CalmJob : HostedServiceBase, Acme.Hosting.IHostedService
            {
                public CalmJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => StartAsyncWork();

                private string StartAsyncWork() => "";
            }

            public class Worker
            {
                public Task StartAsync(System.Threading.CancellationToken token) => Task.CompletedTask;

                public void Dispose() { }
            }
            """);
    }

    [Fact]
    public async Task DisposeInGenericBase_Diagnostic()
    {
        await Verify<ExecutionAnalyzer>.AnalyzerAsync(LifecycleUsings + """
            public abstract class ResourceJob<TResource> : HostedServiceBase
                where TResource : IDisposable, new()
            {
                private readonly TResource _resource = new();

                protected ResourceJob(IServiceScopeFactory factory) : base(factory) { }

                public new void {|OQJ4003:Dispose|}() => _resource.Dispose();
            }

            public class StreamJob : ResourceJob<System.IO.MemoryStream>
            {
                public StreamJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";
            }
            """);
    }
}
