using Microsoft.CodeAnalysis;
using Oqjob.Analyzers.Options;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Classifies a constructor dependency of a job: scoped or tenant-bound services that a
    /// singleton must never capture, against any other service.
    /// </summary>
    internal static class ServiceLifetimes
    {
        /// <summary>
        /// Returns a description ("the tenant-bound service", "the scoped repository", ...) when
        /// the type is scoped or tenant-bound in Oqtane, or listed in the rule's
        /// tenant_bound_types option, else null.
        /// </summary>
        public static string? DescribeScoped(ITypeSymbol type, KnownTypes knownTypes, Compilation compilation, TypeNameList configuredTenantBound)
        {
            return DescribeKnownScoped(type, knownTypes, compilation)
                ?? (configuredTenantBound.MatchesTypeOrBase(type) ? "the configured tenant-bound service" : null);
        }

        private static string? DescribeKnownScoped(ITypeSymbol type, KnownTypes knownTypes, Compilation compilation)
        {
            var definition = type.OriginalDefinition;
            var assemblyName = definition.ContainingAssembly?.Name;
            var namespaceName = definition.ContainingNamespace?.ToDisplayString();

            if (assemblyName == KnownTypes.OqtaneServerAssemblyName)
            {
                if (namespaceName == "Oqtane.Repository")
                {
                    return "the scoped repository";
                }

                if (namespaceName == "Oqtane.Infrastructure" && (definition.Name == "ITenantManager" || definition.Name == "ILogManager"))
                {
                    return "the tenant-bound service";
                }

                return null;
            }

            if (assemblyName == KnownTypes.OqtaneSharedAssemblyName)
            {
                return namespaceName == "Oqtane.Shared" && definition.Name == "SiteState"
                    ? "the per-request service"
                    : null;
            }

            if (IsDbContextOrFactory(definition, knownTypes))
            {
                return "the database context";
            }

            return IsModuleType(definition, compilation) ? "the module service" : null;
        }

        private static bool IsDbContextOrFactory(ITypeSymbol type, KnownTypes knownTypes)
        {
            if (SymbolEqualityComparer.Default.Equals(type, knownTypes.DbContextFactory))
            {
                return true;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, knownTypes.DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A module service is a class or interface declared by a module: in this compilation,
        /// in a referenced assembly named like a module, or in one that references Oqtane.
        /// </summary>
        private static bool IsModuleType(ITypeSymbol type, Compilation compilation)
        {
            if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Interface)
            {
                return false;
            }

            var assembly = type.ContainingAssembly;
            if (assembly == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                return true;
            }

            // Oqtane itself loads only assemblies whose name contains "oqtane", and the module
            // template names them Owner.Module.Name.Shared.Oqtane; such an assembly may not
            // reference Oqtane at all once the compiler drops unused references.
            if (assembly.Name.IndexOf("oqtane", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (referenced.Name == KnownTypes.OqtaneServerAssemblyName || referenced.Name == KnownTypes.OqtaneSharedAssemblyName)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
