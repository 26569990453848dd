using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// The dependency injection symbols that rule family R2 compares against, resolved once per
    /// compilation by metadata name, with the questions the rules ask about them.
    /// </summary>
    internal sealed class ServiceProviderSymbols
    {
        private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection.";

        private readonly KnownTypes knownTypes;
        private readonly ImmutableHashSet<INamedTypeSymbol> resolvingTypes;
        private readonly ImmutableHashSet<INamedTypeSymbol> scopeTypes;
        private readonly INamedTypeSymbol? providerExtensions;
        private readonly INamedTypeSymbol? activatorUtilities;

        private ServiceProviderSymbols(Compilation compilation, KnownTypes knownTypes)
        {
            this.knownTypes = knownTypes;
            providerExtensions = compilation.GetTypeByMetadataName(DependencyInjection + "ServiceProviderServiceExtensions");
            activatorUtilities = compilation.GetTypeByMetadataName(DependencyInjection + "ActivatorUtilities");
            resolvingTypes = SetOf(
                knownTypes.IServiceProvider,
                providerExtensions,
                activatorUtilities,
                compilation.GetTypeByMetadataName(DependencyInjection + "ServiceProviderKeyedServiceExtensions"),
                compilation.GetTypeByMetadataName(DependencyInjection + "IKeyedServiceProvider"),
                compilation.GetTypeByMetadataName(DependencyInjection + "ISupportRequiredService"));
            scopeTypes = SetOf(
                compilation.GetTypeByMetadataName(DependencyInjection + "IServiceScope"),
                compilation.GetTypeByMetadataName(DependencyInjection + "AsyncServiceScope"));
        }

        public static ServiceProviderSymbols Create(Compilation compilation, KnownTypes knownTypes)
        {
            return new ServiceProviderSymbols(compilation, knownTypes);
        }

        /// <summary>True for IServiceProvider and every type that implements it, such as IKeyedServiceProvider.</summary>
        public bool IsProvider(ITypeSymbol? type)
        {
            if (type == null || knownTypes.IServiceProvider == null)
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(type, knownTypes.IServiceProvider)
                || type.AllInterfaces.Contains(knownTypes.IServiceProvider, SymbolEqualityComparer.Default);
        }

        /// <summary>True for a provider or a service scope, which hands out its provider.</summary>
        public bool IsProviderOrScope(ITypeSymbol? type)
        {
            return IsProvider(type) || (type?.OriginalDefinition is INamedTypeSymbol named && scopeTypes.Contains(named));
        }

        /// <summary>
        /// True for a call that resolves or creates a service from a provider: GetService,
        /// GetRequiredService, GetServices, the keyed variants, and ActivatorUtilities'
        /// CreateInstance and GetServiceOrCreateInstance.
        /// </summary>
        public bool IsResolution(IMethodSymbol method)
        {
            var definition = Definition(method);
            if (!resolvingTypes.Contains(definition.ContainingType))
            {
                return false;
            }

            return definition.Name.StartsWith("Get", System.StringComparison.Ordinal)
                || definition.Name == "CreateInstance";
        }

        /// <summary>
        /// True when a value is a service resolved from a provider, seen through conversions,
        /// awaits and "??": the values that OQJ2005 reports when they are kept in a field.
        /// </summary>
        public bool IsResolvedServiceValue(IOperation? value)
        {
            return value != null
                && StoredValue.Unwrap(value) is IInvocationOperation invocation
                && IsResolution(invocation.TargetMethod);
        }

        /// <summary>True for IServiceScopeFactory.CreateScope and the CreateScope and CreateAsyncScope extension methods.</summary>
        public bool IsScopeCreation(IMethodSymbol method)
        {
            var definition = Definition(method);
            if (definition.Name != "CreateScope" && definition.Name != "CreateAsyncScope")
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(definition.ContainingType, knownTypes.IServiceScopeFactory)
                || SymbolEqualityComparer.Default.Equals(definition.ContainingType, providerExtensions);
        }

        /// <summary>Returns the static form of an extension method called as an instance method, as a generic definition.</summary>
        private static IMethodSymbol Definition(IMethodSymbol method)
        {
            return (method.ReducedFrom ?? method).OriginalDefinition;
        }

        private static ImmutableHashSet<INamedTypeSymbol> SetOf(params INamedTypeSymbol?[] types)
        {
            var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var type in types)
            {
                if (type != null)
                {
                    builder.Add(type);
                }
            }

            return builder.ToImmutable();
        }
    }
}
