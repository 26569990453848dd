using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

public class ErrorsAndOutputAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;
        using Oqtane.Repository;

        """;

    // OQJ6001: work outside try/catch

    [Fact]
    public async Task UnguardedCall_ReportedAtFirstCall()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var tenantManager = {|OQJ6001:provider.GetRequiredService<ITenantManager>()|};
                    var sites = provider.GetRequiredService<ISiteRepository>().GetSites();
                    try
                    {
                        return "Tenant " + tenantManager.GetTenantId();
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task AllWorkInTryCatch_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        var tenantManager = provider.GetRequiredService<ITenantManager>();
                        return "Tenant " + tenantManager.GetTenantId();
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task TryFinallyWithoutCatch_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "started";
                    try
                    {
                        log += {|OQJ6001:provider.GetRequiredService<ITenantManager>()|}.GetTenantId();
                    }
                    finally
                    {
                        log += " finished";
                    }

                    return log;
                }
            }
            """);
    }

    [Fact]
    public async Task CallInCatchBlock_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        return "Tenant " + provider.GetRequiredService<ITenantManager>().GetTenantId();
                    }
                    catch (Exception ex)
                    {
                        return {|OQJ6001:ex.ToString()|};
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ObjectCreationOutsideTry_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var started = {|OQJ6001:new DateTime(2024, 1, 1)|};
                    try
                    {
                        return "Since " + started.Year + ": " + provider.GetRequiredService<ITenantManager>().GetTenantId();
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task HelperCalledInsideTry_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        return Export(provider);
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }

                private string Export(IServiceProvider provider)
                {
                    var sites = provider.GetRequiredService<ISiteRepository>().GetSites().ToList();
                    return sites.Count + " sites exported";
                }
            }
            """);
    }

    [Fact]
    public async Task HelperCalledOutsideTry_DiagnosticInBoth()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => {|OQJ6001:Export(provider)|};

                private string Export(IServiceProvider provider)
                {
                    var sites = {|OQJ6001:provider.GetRequiredService<ISiteRepository>()|}.GetSites().ToList();
                    return sites.Count + " sites exported";
                }
            }
            """);
    }

    [Fact]
    public async Task RecursiveHelperCalledInsideTry_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class CountdownJob : HostedServiceBase
            {
                public CountdownJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        return Count(3);
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }

                private string Count(int remaining) => remaining == 0 ? "done" : remaining + " " + Count(remaining - 1);
            }
            """);
    }

    [Fact]
    public async Task LambdaRunByGuardedCall_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    Func<int> readTenant = () => provider.GetRequiredService<ITenantManager>().GetTenantId();
                    try
                    {
                        return "Tenant " + readTenant();
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LambdaPassedOutsideTry_ReportedAtReceivingCall()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var names = new[] { "a", "b" };
                    var lengths = {|OQJ6001:names.Select(name => name.Trim().Length)|}.ToList();
                    return lengths.Count + " names";
                }
            }
            """);
    }

    [Fact]
    public async Task LocalFunctionCalledInsideTry_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    try
                    {
                        return await ExportAsync();
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }

                    async Task<string> ExportAsync()
                    {
                        await Task.Yield();
                        return "Tenant " + provider.GetRequiredService<ITenantManager>().GetTenantId();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task AwaitOutsideTry_ReportedAtAwaitedCall()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> ExecuteJobAsync(IServiceProvider provider)
                {
                    await {|OQJ6001:Task.Yield()|};
                    return "done";
                }
            }
            """);
    }

    [Fact]
    public async Task OverrideInGenericBaseInOtherFile_Diagnostic()
    {
        var test = new AnalyzerTest<ErrorsAndOutputAnalyzer>();
        test.WithSource(Usings + """
            namespace Sample.Jobs;

            public abstract class TenantJob<TService> : HostedServiceBase where TService : class
            {
                protected TenantJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var service = {|OQJ6001:provider.GetRequiredService<TService>()|};
                    return Describe(service);
                }

                protected abstract string Describe(TService service);
            }
            """, "TenantJob.cs");
        test.WithSource(Usings + """
            namespace Sample.Jobs;

            public partial class SiteJob : TenantJob<ISiteRepository>
            {
                public SiteJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """, "SiteJob.cs");
        test.WithSource(Usings + """
            namespace Sample.Jobs;

            public partial class SiteJob
            {
                protected override string Describe(ISiteRepository service) => {|OQJ6001:service.GetSites()|}.Count() + " sites";
            }
            """, "SiteJob.Describe.cs");
        await test.RunAsync();
    }

    [Fact]
    public async Task CallInConstructor_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory)
                {
                    Name = "Export Job".ToUpperInvariant();
                }

                public override string ExecuteJob(IServiceProvider provider) => "done";
            }
            """);
    }

    // OQJ6002: exceptions thrown out of the execution

    [Fact]
    public async Task ThrowOutsideTry_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    if (provider == null)
                    {
                        {|OQJ6002:throw new InvalidOperationException("No provider");|}
                    }

                    return "done";
                }
            }
            """);
    }

    [Fact]
    public async Task ThrowExpression_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var checkedProvider = provider ?? {|OQJ6002:throw new ArgumentNullException(nameof(provider))|};
                    return "done with " + checkedProvider;
                }
            }
            """);
    }

    [Fact]
    public async Task ThrowCaughtByMatchingCatch_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "";
                    try
                    {
                        throw new InvalidOperationException("first");
                    }
                    catch (InvalidOperationException ex)
                    {
                        log += ex.Message;
                    }

                    try
                    {
                        throw new ArgumentNullException("second");
                    }
                    catch (ArgumentException ex)
                    {
                        log += ex.Message;
                    }

                    return log;
                }
            }
            """);
    }

    [Fact]
    public async Task ThrowOfUnrelatedType_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        {|OQJ6002:throw new ArgumentException("bad site");|}
                    }
                    catch (InvalidOperationException ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeExceptionType_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            namespace Sample.Errors
            {
                public class InvalidOperationException : Exception { }
            }

            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        {|OQJ6002:throw new Sample.Errors.InvalidOperationException();|}
                    }
                    catch (System.InvalidOperationException ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task RethrowForms_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        Export();
                    }
                    catch (ArgumentException)
                    {
                        {|OQJ6002:throw;|}
                    }
                    catch (InvalidOperationException ex)
                    {
                        {|OQJ6002:throw ex;|}
                    }
                    catch (Exception ex)
                    {
                        {|OQJ6002:throw new ApplicationException("Export failed", ex);|}
                    }

                    return "done";
                }

                private static void Export() => Console.Beep();
            }
            """);
    }

    [Fact]
    public async Task RethrowCaughtByOuterTry_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        try
                        {
                            return "Tenant " + provider.GetRequiredService<ITenantManager>().GetTenantId();
                        }
                        catch (InvalidOperationException)
                        {
                            throw;
                        }
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CatchFilters_DecideByType()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "";
                    try
                    {
                        throw new InvalidOperationException("caught: the filter excludes only cancellation");
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        log += ex.Message;
                    }

                    try
                    {
                        {|OQJ6002:throw new InvalidOperationException("not caught: the filter wants an ArgumentException");|}
                    }
                    catch (Exception ex) when (ex is ArgumentException)
                    {
                        log += ex.Message;
                    }

                    try
                    {
                        {|OQJ6002:throw new InvalidOperationException("not caught: the filter is false");|}
                    }
                    catch (Exception ex) when (false)
                    {
                        log += ex.Message;
                    }

                    try
                    {
                        throw new InvalidOperationException("assumed caught: the filter is not decided by the code");
                    }
                    catch (Exception ex) when (ex.Message.Length > 0)
                    {
                        log += ex.Message;
                    }

                    return log;
                }
            }
            """);
    }

    [Fact]
    public async Task ThrowInHelper_DecidedByCallSites()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "";
                    try
                    {
                        log += Validate(provider);
                    }
                    catch (InvalidOperationException ex)
                    {
                        log += ex.Message;
                    }

                    return log + {|OQJ6001:Check(provider)|};
                }

                private static string Validate(IServiceProvider provider) =>
                    provider == null ? throw new InvalidOperationException("caught at the call") : "valid";

                private static string Check(IServiceProvider provider) =>
                    provider == null ? {|OQJ6002:throw new InvalidOperationException("not caught at the call")|} : "checked";
            }
            """);
    }

    [Fact]
    public async Task LocalFunctionThrowCaughtAtCall_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        return Check();
                    }
                    catch (InvalidOperationException ex)
                    {
                        return "Failed: " + ex.Message;
                    }

                    string Check() => provider == null ? throw new InvalidOperationException("no provider") : "checked";
                }
            }
            """);
    }

    [Fact]
    public async Task ThrowInConstructor_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory ?? throw new ArgumentNullException(nameof(factory)))
                {
                }

                public override string ExecuteJob(IServiceProvider provider) => "done";
            }
            """);
    }

    // OQJ6003: empty catch

    [Fact]
    public async Task EmptyCatch_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "started";
                    try
                    {
                        log += provider.GetRequiredService<ITenantManager>().GetTenantId();
                    }
                    {|OQJ6003:catch|}
                    {
                    }

                    try
                    {
                        log += provider.GetRequiredService<ISiteRepository>().GetSites().Count();
                    }
                    {|OQJ6003:catch|} (InvalidOperationException)
                    {
                        // the next run tries again
                        ;
                    }

                    return log;
                }
            }
            """);
    }

    [Fact]
    public async Task CatchThatRecordsFailure_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "started";
                    try
                    {
                        log += provider.GetRequiredService<ITenantManager>().GetTenantId();
                    }
                    catch (Exception ex)
                    {
                        log += " failed: " + ex.Message;
                    }

                    return log;
                }
            }
            """);
    }

    [Fact]
    public async Task EmptyCatchInPartialHelper_Diagnostic()
    {
        var test = new AnalyzerTest<ErrorsAndOutputAnalyzer>();
        test.WithSource(Usings + """
            public partial class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "exported " + {|OQJ6001:TryExport(provider)|};
            }
            """, "ExportJob.cs");
        test.WithSource(Usings + """
            public partial class ExportJob
            {
                private static bool TryExport(IServiceProvider provider)
                {
                    try
                    {
                        return provider.GetRequiredService<ITenantManager>().GetTenantId() > 0;
                    }
                    {|OQJ6003:catch|} (Exception)
                    {
                    }

                    return false;
                }
            }
            """, "ExportJob.Helpers.cs");
        await test.RunAsync();
    }

    [Fact]
    public async Task EmptyCatchOutsideExecution_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory)
                {
                    try
                    {
                        Name = "Export".PadRight(10);
                    }
                    catch
                    {
                    }
                }

                public override string ExecuteJob(IServiceProvider provider) => "done";
            }
            """);
    }

    // OQJ6004: custom logging pipeline

    [Fact]
    public async Task ConsoleAndDebugWrites_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            using System.Diagnostics;

            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory)
                {
                    {|OQJ6004:Debug.WriteLine("created")|};
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        {|OQJ6004:Console.WriteLine("exporting")|};
                        Console.WriteLine("a second console write in the same body is not reported again");
                        {|OQJ6004:Trace.TraceError("exported")|};
                        return "done";
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ConsoleOutAliasAndUsingStatic_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Oqtane.Infrastructure;
            using Terminal = System.Console;
            using static System.Console;

            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        return Export();
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }

                private static string Export()
                {
                    {|OQJ6004:Terminal.Out|}.WriteLine("exporting");
                    return "done";
                }

                private static void Report() => {|OQJ6004:WriteLine("not called from the execution, still in the job")|};
            }
            """);
    }

    [Fact]
    public async Task LoggerFactoryCreated_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            using Microsoft.Extensions.Logging;

            public class ExportJob : HostedServiceBase
            {
                private static readonly ILoggerFactory SharedFactory = {|OQJ6004:LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information))|};

                private readonly ILoggerFactory factory = {|OQJ6004:new LoggerFactory()|};

                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Export");
                        return "done";
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LoggingLibraryByNamespace_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            namespace Serilog
            {
                public class LoggerConfiguration
                {
                    public LoggerConfiguration MinimumLevel() => this;
                    public ILogger CreateLogger() => null!;
                }

                public interface ILogger
                {
                    void Information(string message);
                }
            }

            namespace NLog
            {
                public static class LogManager
                {
                    public static Logger GetCurrentClassLogger() => new Logger();
                }

                public class Logger
                {
                    public void Info(string message) { }
                }
            }

            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        var logger = {|OQJ6004:new Serilog.LoggerConfiguration()|}.MinimumLevel().CreateLogger();
                        logger.Information("exporting");
                        {|OQJ6004:NLog.LogManager.GetCurrentClassLogger()|}.Info("exporting");
                        return "done";
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeConsoleAndLogger_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            namespace Sample.Output
            {
                public static class Console
                {
                    public static void WriteLine(string message) { }
                }
            }

            namespace Sample.Serilog
            {
                public static class Log
                {
                    public static void Information(string message) { }
                }
            }

            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    try
                    {
                        Sample.Output.Console.WriteLine("exporting");
                        Sample.Serilog.Log.Information("exporting");
                        Console.Beep();
                        return "done";
                    }
                    catch (Exception ex)
                    {
                        return "Failed: " + ex.Message;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ConsoleOutsideJob_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public static class ExportReport
            {
                public static void Print(string text) => Console.WriteLine(text);
            }

            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "done";
            }
            """);
    }

    // OQJ6005: output always empty

    [Fact]
    public async Task EmptyConstantReturns_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public static class Texts
            {
                public const string Nothing = "" + "";
            }

            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string {|OQJ6005:ExecuteJob|}(IServiceProvider provider)
                {
                    if (provider == null)
                    {
                        return null!;
                    }

                    if (provider is IServiceScopeFactory)
                    {
                        return string.Empty;
                    }

                    return provider is IDisposable ? Texts.Nothing : $"";
                }
            }
            """);
    }

    [Fact]
    public async Task ExpressionBodyEmpty_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string {|OQJ6005:ExecuteJob|}(IServiceProvider provider) => "";
            }
            """);
    }

    [Fact]
    public async Task AsyncAndFromResultEmpty_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class AsyncJob : HostedServiceBase
            {
                public AsyncJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> {|OQJ6005:ExecuteJobAsync|}(IServiceProvider provider)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (Exception ex)
                    {
                        return ex.Message.Length > 0 ? "" : null!;
                    }

                    return "";
                }
            }

            public class FromResultJob : HostedServiceBase
            {
                public FromResultJob(IServiceScopeFactory factory) : base(factory) { }

                public override Task<string> {|OQJ6005:ExecuteJobAsync|}(IServiceProvider provider) => {|OQJ6001:Task.FromResult(string.Empty)|};
            }
            """);
    }

    [Fact]
    public async Task OneNonEmptyPath_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    if (provider == null)
                    {
                        return "";
                    }

                    return provider is IDisposable ? "" : "no scope";
                }
            }
            """);
    }

    [Fact]
    public async Task LocalOnlyAssignedEmpty_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string {|OQJ6005:ExecuteJob|}(IServiceProvider provider)
                {
                    string log = "";
                    try
                    {
                        provider.GetRequiredService<ITenantManager>().GetTenantId();
                        log = string.Empty;
                    }
                    catch (Exception ex)
                    {
                        log = ex.Message.Length > 0 ? null! : "";
                    }

                    return log;
                }
            }
            """);
    }

    [Fact]
    public async Task LocalAppendedTo_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    string log = "";
                    try
                    {
                        log += provider.GetRequiredService<ITenantManager>().GetTenantId();
                    }
                    catch (Exception ex)
                    {
                        log += ex.Message;
                    }

                    return log;
                }
            }
            """);
    }

    [Fact]
    public async Task PatternVariableReturned_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    if (provider.GetService(typeof(string)) is string text)
                    {
                        return text;
                    }

                    return "";
                }
            }
            """.Replace("if (provider.GetService", "if ({|OQJ6001:provider.GetService").Replace("(typeof(string))", "(typeof(string))|}"));
    }

    [Fact]
    public async Task EmptyHelperInAbstractBase_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public override async Task<string> {|OQJ6005:ExecuteJobAsync|}(IServiceProvider provider) => await RunAsync(provider);

                protected abstract Task<string> RunAsync(IServiceProvider provider);
            }

            public class QuietJob : ModuleJob
            {
                public QuietJob(IServiceScopeFactory factory) : base(factory) { }

                protected override Task<string> RunAsync(IServiceProvider provider) => Task.FromResult<string>(null!);
            }
            """.Replace("=> await RunAsync(provider)", "=> await {|OQJ6001:RunAsync(provider)|}").Replace("=> Task.FromResult<string>(null!)", "=> {|OQJ6001:Task.FromResult<string>(null!)|}"));
    }

    [Fact]
    public async Task NonEmptyHelperInDerivedJob_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => Describe();

                protected virtual string Describe() => "";
            }

            public class ReportingJob : ModuleJob
            {
                public ReportingJob(IServiceScopeFactory factory) : base(factory) { }

                protected override string Describe() => "3 reports sent";
            }
            """.Replace("=> Describe();", "=> {|OQJ6001:Describe()|};"));
    }

    [Fact]
    public async Task SwitchExpressionAndBaseCall_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string {|OQJ6005:ExecuteJob|}(IServiceProvider provider) => provider switch
                {
                    null => "",
                    IDisposable => base.ExecuteJob(provider),
                    _ => string.Empty,
                };
            }
            """.Replace("=> base.ExecuteJob(provider)", "=> {|OQJ6001:base.ExecuteJob(provider)|}"));
    }

    [Fact]
    public async Task BothOverridesOneWithOutput_NoDiagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "";

                public override Task<string> ExecuteJobAsync(IServiceProvider provider) => Task.FromResult("exported");
            }
            """.Replace("=> Task.FromResult(\"exported\")", "=> {|OQJ6001:Task.FromResult(\"exported\")|}"));
    }

    [Fact]
    public async Task OldOqtaneAbstractExecuteJob_Diagnostic()
    {
        var test = new AnalyzerTest<ErrorsAndOutputAnalyzer> { OqtaneVersion = "3.0.1" };
        test.WithSource(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string {|OQJ6005:ExecuteJob|}(IServiceProvider provider) => "";
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task PrimaryConstructorAndTargetTypedNew_Handled()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            namespace Sample.Jobs;

            public class ExportJob(IServiceScopeFactory factory) : HostedServiceBase(factory)
            {
                public override string {|OQJ6005:ExecuteJob|}(IServiceProvider provider)
                {
                    try
                    {
                        InvalidOperationException error = new("caught: the static type matches the catch");
                        throw error;
                    }
                    catch (InvalidOperationException)
                    {
                        return "";
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task JobOverBaseInReferencedAssembly_Diagnostic()
    {
        var test = new AnalyzerTest<ErrorsAndOutputAnalyzer>();
        test.LibrarySources.Add(Usings + """
            namespace Sample.Shared;

            public abstract class ModuleJob : HostedServiceBase
            {
                protected ModuleJob(IServiceScopeFactory factory) : base(factory) { }
            }
            """);
        test.WithSource(Usings + """
            public class ExportJob : Sample.Shared.ModuleJob
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) =>
                    provider == null ? {|OQJ6002:throw new ArgumentNullException(nameof(provider))|} : "done";
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task LoggingInGenericBaseAndPartialPart_Diagnostic()
    {
        var test = new AnalyzerTest<ErrorsAndOutputAnalyzer>();
        test.WithSource("""
            namespace log4net.Core
            {
                public static class LogManager
                {
                    public static object GetLogger(System.Type type) => type;
                }
            }
            """, "Log4netStandIn.cs");
        test.WithSource(Usings + """
            namespace Sample.Jobs;

            public abstract class LoggedJob<TJob> : HostedServiceBase
            {
                protected static readonly object Logger = {|OQJ6004:log4net.Core.LogManager.GetLogger(typeof(TJob))|};

                protected LoggedJob(IServiceScopeFactory factory) : base(factory) { }
            }

            public partial class ExportJob : LoggedJob<ExportJob>
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider) => "logger " + Logger;
            }
            """, "ExportJob.cs");
        test.WithSource(Usings + """
            namespace Sample.Jobs;

            public partial class ExportJob
            {
                private static void Print(string text) => {|OQJ6004:System.Diagnostics.Trace.WriteLine(text)|};
            }
            """, "ExportJob.Print.cs");
        await test.RunAsync();
    }

    [Fact]
    public async Task EmptyCatchInLambda_Diagnostic()
    {
        await Verify<ErrorsAndOutputAnalyzer>.AnalyzerAsync(Usings + """
            public class ExportJob : HostedServiceBase
            {
                public ExportJob(IServiceScopeFactory factory) : base(factory) { }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var names = new[] { "a", "b" };
                    var log = "";
                    {|OQJ6001:Array.ForEach(names, name =>
                    {
                        try
                        {
                            log += name.Trim();
                        }
                        {|OQJ6003:catch|}
                        {
                        }
                    })|};
                    return log;
                }
            }
            """);
    }
}
