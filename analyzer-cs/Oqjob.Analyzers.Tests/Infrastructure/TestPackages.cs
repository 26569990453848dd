using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Tests.Infrastructure;

/// <summary>
/// Metadata references to the real scheduling libraries that the test project references as
/// NuGet packages, taken from the assemblies the test run loaded.
/// </summary>
internal static class TestPackages
{
    public static MetadataReference Hangfire { get; } = FromType(typeof(global::Hangfire.RecurringJob));

    public static MetadataReference Quartz { get; } = FromType(typeof(global::Quartz.IJob));

    public static MetadataReference Cronos { get; } = FromType(typeof(global::Cronos.CronExpression));

    public static MetadataReference NCrontab { get; } = FromType(typeof(global::NCrontab.CrontabSchedule));

    private static MetadataReference FromType(Type type)
    {
        return MetadataReference.CreateFromFile(type.Assembly.Location);
    }
}
