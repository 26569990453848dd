using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// The symbols that rule family R8 compares against, resolved once per compilation by
    /// metadata name: the framework's job persistence types, the service registration APIs
    /// and the .NET locking types.
    /// </summary>
    internal sealed class FrameworkLifecycleSymbols
    {
        private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection.";

        private FrameworkLifecycleSymbols(Compilation compilation, KnownTypes knownTypes)
        {
            var server = knownTypes.OqtaneServer;
            var shared = FindShared(compilation);
            JobRepositories = SetOf(
                server?.GetTypeByMetadataName("Oqtane.Repository.IJobRepository"),
                server?.GetTypeByMetadataName("Oqtane.Repository.IJobLogRepository"));
            JobModels = SetOf(
                shared?.GetTypeByMetadataName("Oqtane.Models.Job"),
                shared?.GetTypeByMetadataName("Oqtane.Models.JobLog"));
            DistributedLockManager = server?.GetTypeByMetadataName("Oqtane.Infrastructure.IDistributedLockManager");

            ServiceCollectionExtensions = compilation.GetTypeByMetadataName(DependencyInjection + "ServiceCollectionServiceExtensions");
            DescriptorExtensions = compilation.GetTypeByMetadataName(DependencyInjection + "Extensions.ServiceCollectionDescriptorExtensions");
            HostedServiceExtensions = compilation.GetTypeByMetadataName(DependencyInjection + "ServiceCollectionHostedServiceExtensions");
            ServiceDescriptor = compilation.GetTypeByMetadataName(DependencyInjection + "ServiceDescriptor");

            LockTypes = SetOf(
                compilation.GetTypeByMetadataName("System.Threading.Monitor"),
                compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim"),
                compilation.GetTypeByMetadataName("System.Threading.Mutex"),
                compilation.GetTypeByMetadataName("System.Threading.Lock"),
                DistributedLockManager);
        }

        /// <summary>Oqtane.Repository.IJobRepository and IJobLogRepository.</summary>
        public ImmutableHashSet<INamedTypeSymbol> JobRepositories { get; }

        /// <summary>Oqtane.Models.Job and JobLog, the job row and its history.</summary>
        public ImmutableHashSet<INamedTypeSymbol> JobModels { get; }

        public INamedTypeSymbol? DistributedLockManager { get; }

        /// <summary>AddSingleton, AddScoped and AddTransient.</summary>
        public INamedTypeSymbol? ServiceCollectionExtensions { get; }

        /// <summary>TryAdd, TryAddSingleton, TryAddEnumerable and the other TryAdd methods.</summary>
        public INamedTypeSymbol? DescriptorExtensions { get; }

        /// <summary>AddHostedService.</summary>
        public INamedTypeSymbol? HostedServiceExtensions { get; }

        public INamedTypeSymbol? ServiceDescriptor { get; }

        /// <summary>Monitor, SemaphoreSlim, Mutex, System.Threading.Lock (.NET 9 and later) and IDistributedLockManager.</summary>
        public ImmutableHashSet<INamedTypeSymbol> LockTypes { get; }

        public static FrameworkLifecycleSymbols Create(Compilation compilation, KnownTypes knownTypes)
        {
            return new FrameworkLifecycleSymbols(compilation, knownTypes);
        }

        public static bool Contains(ImmutableHashSet<INamedTypeSymbol> set, ITypeSymbol? type)
        {
            return type?.OriginalDefinition is INamedTypeSymbol named && set.Contains(named);
        }

        private static IAssemblySymbol? FindShared(Compilation compilation)
        {
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Name == KnownTypes.OqtaneSharedAssemblyName)
                {
                    return assembly;
                }
            }

            return null;
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
