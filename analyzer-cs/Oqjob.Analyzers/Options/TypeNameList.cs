using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Options
{
    /// <summary>
    /// A list of type names from a rule option, such as
    /// <c>Acme.Billing.IInvoiceStore, Acme.Data.*</c>. An entry is a namespace-qualified type
    /// name (generic types without their type arguments) or a namespace followed by <c>.*</c>,
    /// which takes every type in that namespace and the namespaces below it. Entries are
    /// separated by commas or by '|'.
    /// </summary>
    internal sealed class TypeNameList
    {
        public static readonly TypeNameList Empty = new TypeNameList(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

        private static readonly SymbolDisplayFormat NameFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.None);

        private readonly ImmutableArray<string> names;
        private readonly ImmutableArray<string> namespacePrefixes;

        private TypeNameList(ImmutableArray<string> names, ImmutableArray<string> namespacePrefixes)
        {
            this.names = names;
            this.namespacePrefixes = namespacePrefixes;
        }

        public bool IsEmpty => names.IsEmpty && namespacePrefixes.IsEmpty;

        public static TypeNameList Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Empty;
            }

            var entries = value!.Split(new[] { ',', '|' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => entry.Trim())
                .Where(entry => entry.Length > 0)
                .ToList();

            // "Acme.Data.*" keeps "Acme.Data." so that "Acme.DataExtra" does not match.
            var prefixes = entries.Where(entry => entry.EndsWith(".*", StringComparison.Ordinal))
                .Select(entry => entry.Substring(0, entry.Length - 1))
                .ToImmutableArray();
            var exact = entries.Where(entry => !entry.EndsWith(".*", StringComparison.Ordinal))
                .Select(entry => entry.StartsWith("global::", StringComparison.Ordinal) ? entry.Substring("global::".Length) : entry)
                .ToImmutableArray();
            return new TypeNameList(exact, prefixes);
        }

        /// <summary>True when the type, one of its base classes or one of its interfaces is listed.</summary>
        public bool MatchesTypeOrBase(ITypeSymbol type)
        {
            if (IsEmpty)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (Matches(current))
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(Matches);
        }

        private bool Matches(ITypeSymbol type)
        {
            var name = type.OriginalDefinition.ToDisplayString(NameFormat);
            return names.Contains(name, StringComparer.Ordinal)
                || namespacePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
        }
    }
}
