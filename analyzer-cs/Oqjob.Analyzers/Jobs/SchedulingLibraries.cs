using System;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Recognises the scheduling libraries and .NET timers by the assembly that defines a
    /// symbol, so a module's own type called Timer or RecurringJob is never mistaken for one.
    /// </summary>
    internal static class SchedulingLibraries
    {
        // Assembly names, matched exactly or as a prefix followed by a dot
        // (Hangfire.Core, Hangfire.AspNetCore, Quartz.Extensions.Hosting, NCrontab.Signed).
        private static readonly string[] LibraryAssemblies =
        {
            "Hangfire",
            "Quartz",
            "Coravel",
            "FluentScheduler",
            "NCrontab",
            "Cronos",
        };

        /// <summary>
        /// Returns the scheduling library or timer that defines the type, or null when the
        /// type belongs to neither.
        /// </summary>
        public static SchedulingApi? Find(ITypeSymbol? type, KnownTypes knownTypes)
        {
            if (type == null)
            {
                return null;
            }

            var typeName = type.OriginalDefinition.ToDisplayString();
            if (knownTypes.IsTimer(type))
            {
                return new SchedulingApi(typeName, "the timer " + typeName, isTimer: true);
            }

            var library = LibraryOf(type.OriginalDefinition.ContainingAssembly);
            return library == null
                ? null
                : new SchedulingApi(library, "the scheduling library " + library + " (" + typeName + ")", isTimer: false);
        }

        private static string? LibraryOf(IAssemblySymbol? assembly)
        {
            if (assembly == null)
            {
                return null;
            }

            foreach (var library in LibraryAssemblies)
            {
                if (string.Equals(assembly.Name, library, StringComparison.Ordinal)
                    || assembly.Name.StartsWith(library + ".", StringComparison.Ordinal))
                {
                    return library;
                }
            }

            return null;
        }
    }
}

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>A scheduling library or timer type found in code.</summary>
    internal sealed class SchedulingApi
    {
        public SchedulingApi(string key, string description, bool isTimer)
        {
            Key = key;
            Description = description;
            IsTimer = isTimer;
        }

        /// <summary>True for a .NET timer type, false for a scheduling library.</summary>
        public bool IsTimer { get; }

        /// <summary>The library name, or the timer's full type name: one finding per member and key.</summary>
        public string Key { get; }

        /// <summary>Text for the diagnostic message.</summary>
        public string Description { get; }
    }
}
