using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// Adds a using directive for an extension method. The cleanup's import adder only handles
    /// type names, and <c>provider.GetRequiredService&lt;T&gt;()</c> binds through its namespace.
    /// </summary>
    internal static class UsingDirectives
    {
        /// <summary>
        /// Returns true when <paramref name="extensionMethod"/> binds on <paramref name="receiverType"/>
        /// at <paramref name="position"/>, through any using, global using or enclosing namespace.
        /// </summary>
        public static bool IsInScope(SemanticModel semanticModel, int position, ITypeSymbol receiverType, string extensionMethod)
        {
            return semanticModel
                .LookupSymbols(position, receiverType, extensionMethod, includeReducedExtensionMethods: true)
                .Any();
        }

        /// <summary>
        /// Adds <c>using <paramref name="namespaceName"/>;</c> to the file's top-level usings,
        /// before the first using that sorts after it, with System namespaces first.
        /// </summary>
        public static CompilationUnitSyntax Add(CompilationUnitSyntax root, string namespaceName)
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
                .WithTrailingTrivia(EndOfLine(root))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var usings = root.Usings;
            var index = 0;
            while (index < usings.Count && SortsBefore(usings[index], namespaceName))
            {
                index++;
            }

            if (usings.Count == 0)
            {
                // A blank line separates the new directive from the namespace or type after it.
                directive = directive.WithTrailingTrivia(EndOfLine(root), EndOfLine(root));
            }

            return root.WithUsings(usings.Insert(index, directive));
        }

        /// <summary>Returns the file's own line break, so that a new line matches its neighbours.</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            var existing = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
            return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : SyntaxFactory.LineFeed;
        }

        private static bool SortsBefore(UsingDirectiveSyntax existing, string namespaceName)
        {
            // Aliases and static usings conventionally follow the namespace usings.
            if (existing.Alias != null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name == null)
            {
                return false;
            }

            var name = existing.Name.ToString();
            var existingIsSystem = IsSystem(name);
            var addedIsSystem = IsSystem(namespaceName);
            if (existingIsSystem != addedIsSystem)
            {
                return existingIsSystem;
            }

            return string.Compare(name, namespaceName, StringComparison.Ordinal) < 0;
        }

        private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
    }
}
