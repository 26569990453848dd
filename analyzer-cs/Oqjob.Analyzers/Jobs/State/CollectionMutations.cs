using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Jobs.State
{
    /// <summary>Recognizes calls that change the contents of a mutable collection.</summary>
    internal static class CollectionMutations
    {
        private static readonly HashSet<string> MutatorNames = new HashSet<string>
        {
            "Add", "AddFirst", "AddLast", "AddOrUpdate", "AddRange",
            "Clear",
            "Dequeue", "Enqueue",
            "ExceptWith", "IntersectWith", "SymmetricExceptWith", "UnionWith",
            "GetOrAdd",
            "Insert", "InsertRange",
            "Pop", "Push",
            "Remove", "RemoveAll", "RemoveAt", "RemoveFirst", "RemoveLast", "RemoveRange", "RemoveWhere",
            "Reverse", "Set", "SetAll", "Sort",
            "TryAdd", "TryDequeue", "TryPop", "TryRemove", "TryTake", "TryUpdate",
        };

        /// <summary>
        /// True when the type is an array or implements IEnumerable, and is not an immutable
        /// collection (whose Add and Remove return a new collection) or a string.
        /// </summary>
        public static bool IsCollection(ITypeSymbol? type)
        {
            if (type == null || type.SpecialType == SpecialType.System_String || IsImmutable(type))
            {
                return false;
            }

            if (type is IArrayTypeSymbol || type.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when calling the method on a receiver of the given type changes the receiver's
        /// contents: List.Add, Dictionary.TryAdd, ConcurrentDictionary.AddOrUpdate, HashSet.UnionWith,
        /// the CollectionExtensions helpers, and so on. LINQ operators never count.
        /// </summary>
        public static bool IsMutator(IMethodSymbol method, ITypeSymbol? receiverType)
        {
            if (!MutatorNames.Contains(method.Name) || !IsCollection(receiverType))
            {
                return false;
            }

            if (!method.IsExtensionMethod)
            {
                return !method.IsStatic;
            }

            var container = method.ContainingType?.ToDisplayString();
            return container != "System.Linq.Enumerable" && container != "System.Linq.Queryable";
        }

        private static bool IsImmutable(ITypeSymbol type)
        {
            var name = type.ContainingNamespace?.ToDisplayString();
            return name == "System.Collections.Immutable";
        }
    }
}
