using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.Execution
{
    /// <summary>
    /// OQJ4002 (both execute methods overridden) and OQJ4003 (the job takes over the
    /// hosted-service lifecycle that HostedServiceBase implements).
    /// </summary>
    internal static class LifecycleChecks
    {
        // HostedServiceBase's lifecycle members, all non-virtual, and DisposeAsync, which the
        // service container calls instead of Dispose when a singleton implements IAsyncDisposable.
        private static readonly ImmutableHashSet<string> LifecycleNames =
            ImmutableHashSet.Create("StartAsync", "StopAsync", "ExecuteAsync", "Dispose", "DisposeAsync");

        public static void CheckBothOverrides(ExecutionReporter reporter)
        {
            var names = reporter.Model.ExecuteOverrides.Select(method => method.Name).ToList();
            if (names.Contains(ExecuteOverrides.ExecuteJob) && names.Contains(ExecuteOverrides.ExecuteJobAsync))
            {
                reporter.Report(Descriptors.BothExecuteOverrides, reporter.Job.Locations[0], null);
            }
        }

        public static void CheckLifecycleTakeover(ExecutionReporter reporter)
        {
            foreach (var type in reporter.Model.Chain)
            {
                CheckBaseList(reporter, type.OriginalDefinition);
                foreach (var member in type.OriginalDefinition.GetMembers())
                {
                    var description = DescribeTakeover(member, reporter);
                    if (description != null)
                    {
                        reporter.Report(Descriptors.LifecycleTakeover, member.Locations.FirstOrDefault(), member, description);
                    }
                }
            }
        }

        /// <summary>Reports IHostedService, IDisposable or IAsyncDisposable listed again in a base list of the chain.</summary>
        private static void CheckBaseList(ExecutionReporter reporter, INamedTypeSymbol type)
        {
            foreach (var implemented in type.Interfaces)
            {
                if (!IsLifecycleInterface(implemented, reporter))
                {
                    continue;
                }

                var location = BaseListEntry(type, implemented, reporter) ?? type.Locations.FirstOrDefault();
                reporter.Report(
                    Descriptors.LifecycleTakeover,
                    location,
                    null,
                    "re-implements " + implemented.Name + " in the base list of '" + type.Name + "'");
            }
        }

        private static string? DescribeTakeover(ISymbol member, ExecutionReporter reporter)
        {
            if (member.IsImplicitlyDeclared)
            {
                return null;
            }

            if (member is IMethodSymbol method)
            {
                var explicitImplementation = method.ExplicitInterfaceImplementations
                    .FirstOrDefault(implemented => IsLifecycleInterface(implemented.ContainingType, reporter));
                if (explicitImplementation != null)
                {
                    return "implements " + explicitImplementation.ContainingType.Name + "." + explicitImplementation.Name + " explicitly";
                }

                if (IsDisposePatternOverload(method))
                {
                    return null;
                }
            }

            if (!LifecycleNames.Contains(member.Name))
            {
                return null;
            }

            return SymbolEqualityComparer.Default.Equals(member.ContainingType.OriginalDefinition, reporter.Job.OriginalDefinition)
                ? "declares '" + member.Name + "'"
                : "declares '" + member.Name + "' in its base class '" + member.ContainingType.Name + "'";
        }

        /// <summary>
        /// Dispose(bool) of the dispose pattern hides nothing: HostedServiceBase has no such
        /// member and the framework never calls it. A Dispose() that would call it is reported.
        /// </summary>
        private static bool IsDisposePatternOverload(IMethodSymbol method)
        {
            return method.Name == "Dispose"
                && method.Parameters.Length == 1
                && method.Parameters[0].Type.SpecialType == SpecialType.System_Boolean;
        }

        private static bool IsLifecycleInterface(INamedTypeSymbol? type, ExecutionReporter reporter)
        {
            return ExecutionSymbols.Is(type, reporter.KnownTypes.IHostedService)
                || ExecutionSymbols.Is(type, reporter.Symbols.IDisposable)
                || ExecutionSymbols.Is(type, reporter.Symbols.IAsyncDisposable);
        }

        /// <summary>Returns the location of the interface's entry in a source base list of the type.</summary>
        private static Location? BaseListEntry(INamedTypeSymbol type, INamedTypeSymbol implemented, ExecutionReporter reporter)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax(reporter.CancellationToken) is TypeDeclarationSyntax declaration) || declaration.BaseList == null)
                {
                    continue;
                }

                var model = reporter.SemanticModelFor(declaration.SyntaxTree);
                foreach (var entry in declaration.BaseList.Types)
                {
                    var named = model.GetTypeInfo(entry.Type, reporter.CancellationToken).Type;
                    if (SymbolEqualityComparer.Default.Equals(named, implemented))
                    {
                        return entry.GetLocation();
                    }
                }
            }

            return null;
        }
    }
}
