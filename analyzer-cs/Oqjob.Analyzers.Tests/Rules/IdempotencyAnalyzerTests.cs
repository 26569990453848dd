using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

public class IdempotencyAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;

        """;

    private const string Constructor = "(IServiceScopeFactory factory) : base(factory) { }";

    [Fact]
    public async Task LastRunReadAndWritten_Diagnostic()
    {
        var diagnostics = await Verify<IdempotencyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class CatchUpJob : HostedServiceBase
            {
                private DateTime lastRun = DateTime.MinValue;

                public CatchUpJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var since = {|OQJ7001:lastRun|};
                    var log = "Changes since " + lastRun;
                    lastRun = DateTime.UtcNow;
                    return log + since;
                }
            }
            """);
        Assert.Contains("reads 'lastRun'", diagnostics.Single().GetMessage());
        Assert.Contains("CatchUpJob", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task FieldOnlyWritten_NoDiagnostic()
    {
        await Verify<IdempotencyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class WriteOnlyJob : HostedServiceBase
            {
                private DateTime lastRun;
                private int runs;
                private long total;
                private readonly List<string> history = new();

                public WriteOnlyJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    lastRun = DateTime.UtcNow;
                    runs++;
                    total += 2;
                    history.Add("run");
                    System.Threading.Interlocked.Increment(ref total);
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task FieldSetInConstructorOnlyRead_NoDiagnostic()
    {
        await Verify<IdempotencyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class ReadOnlyStateJob : HostedServiceBase
            {
                private readonly string[] excludedEntities;
                private int batchSize;

                public ReadOnlyStateJob(IServiceScopeFactory factory) : base(factory)
                {
                    excludedEntities = new[] { "Folder" };
                    batchSize = 50;
                }

                public override string ExecuteJob(IServiceProvider provider)
                {
                    return excludedEntities.Length + " " + batchSize + " " + Name;
                }
            }
            """);
    }

    [Fact]
    public async Task IncrementResultUsed_Diagnostic()
    {
        await Verify<IdempotencyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class EveryThirdRunJob : HostedServiceBase
            {
                private static int runs;

                public EveryThirdRunJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    if (++{|OQJ7001:runs|} % 3 != 0)
                    {
                        return "skipped";
                    }

                    return "ran";
                }
            }
            """);
    }

    [Fact]
    public async Task WriteInOneMethodReadInAnother_Diagnostic()
    {
        var test = new AnalyzerTest<IdempotencyAnalyzer>();
        test.WithSource(Usings + $$"""
            public partial class SyncJob : HostedServiceBase
            {
                private readonly HashSet<int> synced = new();
                private string? cursor;

                public SyncJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    foreach (var id in Enumerable.Range(0, 10))
                    {
                        if ({|OQJ7001:synced|}.Add(id))
                        {
                            Sync(id);
                        }
                    }

                    return "";
                }
            }
            """, "SyncJob.cs");
        test.WithSource("""
            public partial class SyncJob
            {
                private void Sync(int id)
                {
                    var from = {|OQJ7001:cursor|} ?? "start";
                    cursor = from + id;
                }
            }
            """, "SyncJob.Cursor.cs");
        await test.RunAsync();
    }

    [Fact]
    public async Task StaticCollectionOfOtherType_Diagnostic()
    {
        await Verify<IdempotencyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public static class Processed
            {
                public static readonly List<int> Ids = new();
                public static readonly int[] Limits = { 1, 2 };
            }

            public class DedupJob : HostedServiceBase
            {
                public DedupJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider)
                {
                    var log = "";
                    foreach (var id in new[] { 1, 2, 3 })
                    {
                        if ({|OQJ7001:Processed.Ids|}.Contains(id))
                        {
                            continue;
                        }

                        Processed.Ids.Add(id);
                        log += id + Processed.Limits[0];
                    }

                    return log;
                }
            }
            """);
    }

    [Fact]
    public async Task LazyCacheInGenericBase_Diagnostic()
    {
        await Verify<IdempotencyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public abstract class CachingJob<TItem> : HostedServiceBase
            {
                protected List<TItem>? Items { get; set; }

                protected CachingJob{{Constructor}}

                protected List<TItem> Load() => {|OQJ7001:Items|} ??= new List<TItem>();
            }

            public class ListJob : CachingJob<string>
            {
                public ListJob{{Constructor}}

                public override string ExecuteJob(IServiceProvider provider) => Load().Count.ToString();
            }
            """);
    }

    [Fact]
    public async Task PrimaryConstructorParameterReassigned_Diagnostic()
    {
        await Verify<IdempotencyAnalyzer>.AnalyzerAsync(Usings + """
            namespace Modern.Jobs;

            public class PagingJob(IServiceScopeFactory factory, int page = 0) : HostedServiceBase(factory)
            {
                public override string ExecuteJob(IServiceProvider provider)
                {
                    var current = {|OQJ7001:page|};
                    page = current + 1;
                    return $"page {current}";
                }
            }
            """);
    }

    [Fact]
    public async Task StateReadAndWrittenOutsideExecution_NoDiagnostic()
    {
        await Verify<IdempotencyAnalyzer>.AnalyzerAsync(Usings + $$"""
            public class ConstructedJob : HostedServiceBase
            {
                private int retries;

                public ConstructedJob(IServiceScopeFactory factory) : base(factory)
                {
                    retries = retries + 3;
                }

                public override string ExecuteJob(IServiceProvider provider) => retries.ToString();

                // Not reached from the execution.
                private void Retry() => retries = retries - 1;
            }
            """);
    }
}
