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

            // This runs for every invocation and member reference of the module, so the type's name
            // is formatted only for a match.
            if (knownTypes.IsTimer(type))
            {
                var timerName = type.OriginalDefinition.ToDisplayString();
                return new SchedulingApi(timerName, "the timer " + timerName, isTimer: true);
            }

            var library = LibraryOf(type.OriginalDefinition.ContainingAssembly);
            return library == null
                ? null
                : new SchedulingApi(library, "the scheduling library " + library + " (" + type.OriginalDefinition.ToDisplayString() + ")", isTimer: false);
        }

        private static string? LibraryOf(IAssemblySymbol? assembly)
        {
            if (assembly == null)
            {
                return null;
            }

            var name = assembly.Name;
            foreach (var library in LibraryAssemblies)
            {
                var isPrefix = name.StartsWith(library, StringComparison.Ordinal);
                if (isPrefix && (name.Length == library.Length || name[library.Length] == '.'))
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
