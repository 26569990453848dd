using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Oqjob.Analyzers.Jobs
{
    internal static class SyntaxWalk
    {
        /// <summary>
        /// Returns the nodes inside a type declaration in document order, without descending
        /// into nested type declarations: a nested type is a type of its own.
        /// </summary>
        public static IEnumerable<SyntaxNode> NodesOfType(TypeDeclarationSyntax declaration)
        {
            return declaration.DescendantNodes(node => node == declaration || !(node is BaseTypeDeclarationSyntax));
        }
    }
}
