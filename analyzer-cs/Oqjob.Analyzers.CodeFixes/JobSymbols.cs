using System.Linq;
using Microsoft.CodeAnalysis;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>Questions about a job that several fixes ask of its symbols.</summary>
    internal static class JobSymbols
    {
        /// <summary>True when the method overrides HostedServiceBase's ExecuteJob or ExecuteJobAsync.</summary>
        public static bool IsExecuteOverride(IMethodSymbol? method, KnownTypes knownTypes)
        {
            if (method == null || knownTypes.HostedServiceBase == null)
            {
                return false;
            }

            return ExecuteOverrides.Find(method.ContainingType, knownTypes)
                .Any(found => SymbolEqualityComparer.Default.Equals(found, method));
        }

        /// <summary>Returns the member of HostedServiceBase with that name, or null before the Oqtane release that added it.</summary>
        public static IMethodSymbol? BaseMethod(KnownTypes knownTypes, string name)
        {
            return knownTypes.HostedServiceBase?.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault();
        }
    }
}
