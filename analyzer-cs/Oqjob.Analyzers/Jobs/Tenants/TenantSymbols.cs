using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Jobs.Tenants
{
    /// <summary>
    /// The Oqtane tenant services and models that the tenant-safety rules compare against,
    /// resolved once per compilation inside the assembly named Oqtane.Server, so that a type
    /// with the same name in another namespace or assembly never matches.
    /// </summary>
    internal sealed class TenantSymbols
    {
        private TenantSymbols(KnownTypes knownTypes)
        {
            var server = knownTypes.OqtaneServer;
            var tenantManager = server?.GetTypeByMetadataName("Oqtane.Infrastructure.ITenantManager");
            var tenantRepository = server?.GetTypeByMetadataName("Oqtane.Repository.ITenantRepository");
            var aliasRepository = server?.GetTypeByMetadataName("Oqtane.Repository.IAliasRepository");

            SetTenant = FindMethod(tenantManager, "SetTenant", 1);
            GetTenant = FindMethod(tenantManager, "GetTenant", 0);
            GetTenantId = FindMethod(tenantManager, "GetTenantId", 0);
            GetAlias = FindMethod(tenantManager, "GetAlias", 0);
            GetTenants = FindMethod(tenantRepository, "GetTenants", 0);
            GetAliases = FindMethod(aliasRepository, "GetAliases", 0);

            // The models come from Oqtane.Shared; taking them from the signatures avoids a
            // second lookup that a look-alike type could match.
            TenantTenantId = FindProperty(GetTenant?.ReturnType, "TenantId");
            AliasTenantId = FindProperty(GetAlias?.ReturnType, "TenantId");
        }

        /// <summary>ITenantManager.SetTenant(int).</summary>
        public IMethodSymbol? SetTenant { get; }

        /// <summary>ITenantManager.GetTenant().</summary>
        public IMethodSymbol? GetTenant { get; }

        /// <summary>ITenantManager.GetTenantId().</summary>
        public IMethodSymbol? GetTenantId { get; }

        /// <summary>ITenantManager.GetAlias().</summary>
        public IMethodSymbol? GetAlias { get; }

        /// <summary>ITenantRepository.GetTenants().</summary>
        public IMethodSymbol? GetTenants { get; }

        /// <summary>IAliasRepository.GetAliases().</summary>
        public IMethodSymbol? GetAliases { get; }

        /// <summary>Oqtane.Models.Tenant.TenantId.</summary>
        public IPropertySymbol? TenantTenantId { get; }

        /// <summary>Oqtane.Models.Alias.TenantId.</summary>
        public IPropertySymbol? AliasTenantId { get; }

        public static TenantSymbols Create(KnownTypes knownTypes)
        {
            return new TenantSymbols(knownTypes);
        }

        /// <summary>
        /// Returns true when a call of <paramref name="target"/> on a receiver of
        /// <paramref name="receiverType"/> runs the interface method: a call through the
        /// interface (or an interface derived from it), or through a class that implements it.
        /// </summary>
        public static bool Calls(IMethodSymbol target, ITypeSymbol? receiverType, IMethodSymbol? interfaceMethod)
        {
            if (interfaceMethod == null || target.Name != interfaceMethod.Name)
            {
                return false;
            }

            for (IMethodSymbol? method = target.OriginalDefinition; method != null; method = method.OverriddenMethod?.OriginalDefinition)
            {
                if (SymbolEqualityComparer.Default.Equals(method, interfaceMethod)
                    || Implements(method.ContainingType, method, interfaceMethod)
                    || Implements(receiverType, method, interfaceMethod))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Implements(ITypeSymbol? type, IMethodSymbol method, IMethodSymbol interfaceMethod)
        {
            if (type == null || type.TypeKind == TypeKind.Interface)
            {
                return false;
            }

            var implementation = type.FindImplementationForInterfaceMember(interfaceMethod);
            return SymbolEqualityComparer.Default.Equals(implementation?.OriginalDefinition, method);
        }

        private static IMethodSymbol? FindMethod(INamedTypeSymbol? type, string name, int parameterCount)
        {
            if (type == null)
            {
                return null;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol method && method.Parameters.Length == parameterCount)
                {
                    return method;
                }
            }

            return null;
        }

        private static IPropertySymbol? FindProperty(ITypeSymbol? type, string name)
        {
            if (type == null)
            {
                return null;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol property)
                {
                    return property;
                }
            }

            return null;
        }
    }
}
