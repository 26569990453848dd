using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Decides what a type is for Oqtane: a job (a concrete class whose base chain contains
    /// Oqtane.Infrastructure.HostedServiceBase from Oqtane.Server), another hosted service,
    /// or neither. Everything is decided on symbols, so aliases, global usings, fully
    /// qualified names and look-alike types in other namespaces are handled alike.
    /// </summary>
    internal static class JobClassifier
    {
        public static bool IsJob(INamedTypeSymbol type, KnownTypes knownTypes)
        {
            return type.TypeKind == TypeKind.Class
                && !type.IsAbstract
                && !type.IsStatic
                && InheritsHostedServiceBase(type, knownTypes);
        }

        public static bool InheritsHostedServiceBase(INamedTypeSymbol type, KnownTypes knownTypes)
        {
            if (knownTypes.HostedServiceBase == null)
            {
                return false;
            }

            for (var baseType = type.BaseType; baseType != null; baseType = baseType.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, knownTypes.HostedServiceBase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Returns true for a concrete class or struct that implements IHostedService, directly,
        /// through BackgroundService or through any base: the kinds of type that Oqtane's startup
        /// registers as hosted services.
        /// </summary>
        public static bool IsConcreteHostedService(INamedTypeSymbol type, KnownTypes knownTypes)
        {
            if (knownTypes.IHostedService == null)
            {
                return false;
            }

            if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
            {
                return false;
            }

            if (type.IsAbstract || type.IsStatic)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, knownTypes.IHostedService))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Returns the type and its bases below HostedServiceBase (or up to object for a type
        /// that is not a job): the classes whose members count as "in the job".
        /// </summary>
        public static IEnumerable<INamedTypeSymbol> JobChain(INamedTypeSymbol type, KnownTypes knownTypes)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, knownTypes.HostedServiceBase))
                {
                    yield break;
                }

                if (current.SpecialType == SpecialType.System_Object)
                {
                    yield break;
                }

                yield return current;
            }
        }

        /// <summary>
        /// Returns every source declaration (all partial parts) of the type and of its bases
        /// below HostedServiceBase that are compiled in this compilation.
        /// </summary>
        public static IEnumerable<TypeDeclarationSyntax> SourceDeclarations(
            INamedTypeSymbol type,
            KnownTypes knownTypes,
            Compilation compilation)
        {
            foreach (var chainType in JobChain(type, knownTypes))
            {
                if (!SymbolEqualityComparer.Default.Equals(chainType.ContainingAssembly, compilation.Assembly))
                {
                    continue;
                }

                foreach (var reference in chainType.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is TypeDeclarationSyntax declaration)
                    {
                        yield return declaration;
                    }
                }
            }
        }
    }
}
