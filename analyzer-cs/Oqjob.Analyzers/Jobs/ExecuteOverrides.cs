using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Jobs
{
    internal static class ExecuteOverrides
    {
        public const string ExecuteJob = "ExecuteJob";
        public const string ExecuteJobAsync = "ExecuteJobAsync";

        /// <summary>
        /// Returns the overrides of ExecuteJob and ExecuteJobAsync in the job and its bases
        /// below HostedServiceBase. A method that hides them with <c>new</c> is not an override:
        /// the framework calls them through HostedServiceBase and never reaches it.
        /// </summary>
        public static IReadOnlyList<IMethodSymbol> Find(INamedTypeSymbol job, KnownTypes knownTypes)
        {
            var found = new List<IMethodSymbol>();
            foreach (var type in JobClassifier.JobChain(job, knownTypes))
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol method
                        && (method.Name == ExecuteJob || method.Name == ExecuteJobAsync)
                        && OverridesHostedServiceBase(method, knownTypes))
                    {
                        found.Add(method);
                    }
                }
            }

            return found;
        }

        private static bool OverridesHostedServiceBase(IMethodSymbol method, KnownTypes knownTypes)
        {
            for (var current = method; current != null; current = current.OverriddenMethod)
            {
                if (!current.IsOverride)
                {
                    return false;
                }

                var overridden = current.OverriddenMethod;
                if (overridden != null
                    && SymbolEqualityComparer.Default.Equals(overridden.ContainingType.OriginalDefinition, knownTypes.HostedServiceBase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
