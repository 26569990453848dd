using System;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>
    /// The framework and base library symbols that the rules compare against, resolved once
    /// per compilation by metadata name. A symbol is null when the compilation cannot see it.
    /// </summary>
    internal sealed class KnownTypes
    {
        public const string OqtaneServerAssemblyName = "Oqtane.Server";
        public const string OqtaneSharedAssemblyName = "Oqtane.Shared";

        private KnownTypes(Compilation compilation)
        {
            OqtaneServer = FindAssembly(compilation, OqtaneServerAssemblyName);
            IsModuleAssembly = OqtaneServer != null || FindAssembly(compilation, OqtaneSharedAssemblyName) != null;

            // Resolved inside Oqtane.Server only, so that a look-alike type with the same full
            // name in another assembly is never taken for the framework's base class.
            HostedServiceBase = OqtaneServer?.GetTypeByMetadataName("Oqtane.Infrastructure.HostedServiceBase");
            OqtaneVersion = OqtaneServer?.Identity.Version;

            IHostedService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostedService");
            BackgroundService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.BackgroundService");
            IServiceScopeFactory = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceScopeFactory");
            IServiceProvider = compilation.GetTypeByMetadataName("System.IServiceProvider");

            ThreadingTimer = compilation.GetTypeByMetadataName("System.Threading.Timer");
            TimersTimer = compilation.GetTypeByMetadataName("System.Timers.Timer");
            PeriodicTimer = compilation.GetTypeByMetadataName("System.Threading.PeriodicTimer");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            DbContextFactory = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.IDbContextFactory`1");
        }

        /// <summary>The referenced (or compiled) assembly named Oqtane.Server.</summary>
        public IAssemblySymbol? OqtaneServer { get; }

        /// <summary>The assembly version of Oqtane.Server, which is the framework release.</summary>
        public Version? OqtaneVersion { get; }

        /// <summary>True when the compilation references Oqtane.Server or Oqtane.Shared.</summary>
        public bool IsModuleAssembly { get; }

        public INamedTypeSymbol? HostedServiceBase { get; }
        public INamedTypeSymbol? IHostedService { get; }
        public INamedTypeSymbol? BackgroundService { get; }
        public INamedTypeSymbol? IServiceScopeFactory { get; }
        public INamedTypeSymbol? IServiceProvider { get; }
        public INamedTypeSymbol? ThreadingTimer { get; }
        public INamedTypeSymbol? TimersTimer { get; }
        public INamedTypeSymbol? PeriodicTimer { get; }
        public INamedTypeSymbol? Task { get; }
        public INamedTypeSymbol? Thread { get; }
        public INamedTypeSymbol? CancellationToken { get; }
        public INamedTypeSymbol? DbContext { get; }
        public INamedTypeSymbol? DbContextFactory { get; }

        public static KnownTypes Create(Compilation compilation)
        {
            return new KnownTypes(compilation);
        }

        /// <summary>Returns true when the type is one of the .NET timer types.</summary>
        public bool IsTimer(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            var definition = type.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition, ThreadingTimer)
                || SymbolEqualityComparer.Default.Equals(definition, TimersTimer)
                || SymbolEqualityComparer.Default.Equals(definition, PeriodicTimer);
        }

        private static IAssemblySymbol? FindAssembly(Compilation compilation, string name)
        {
            if (string.Equals(compilation.AssemblyName, name, StringComparison.Ordinal))
            {
                return compilation.Assembly;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (string.Equals(assembly.Name, name, StringComparison.Ordinal))
                {
                    return assembly;
                }
            }

            return null;
        }
    }
}
