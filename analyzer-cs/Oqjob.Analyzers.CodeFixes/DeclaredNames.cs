using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>Names declared inside a member, which a new local must not reuse.</summary>
    internal static class DeclaredNames
    {
        /// <summary>Returns the names that the node declares: parameters, locals, pattern and query variables, local functions.</summary>
        public static IEnumerable<string> In(SyntaxNode node)
        {
            foreach (var declaration in node.DescendantNodes())
            {
                var identifier = declaration switch
                {
                    ParameterSyntax declared => declared.Identifier,
                    VariableDeclaratorSyntax declared => declared.Identifier,
                    ForEachStatementSyntax declared => declared.Identifier,
                    SingleVariableDesignationSyntax declared => declared.Identifier,
                    CatchDeclarationSyntax declared => declared.Identifier,
                    LocalFunctionStatementSyntax declared => declared.Identifier,
                    TypeParameterSyntax declared => declared.Identifier,
                    FromClauseSyntax declared => declared.Identifier,
                    LetClauseSyntax declared => declared.Identifier,
                    JoinClauseSyntax declared => declared.Identifier,
                    QueryContinuationSyntax declared => declared.Identifier,
                    _ => default,
                };
                if (identifier.IsKind(SyntaxKind.IdentifierToken))
                {
                    yield return identifier.ValueText;
                }
            }
        }

        /// <summary>Returns <paramref name="preferred"/>, or it with the lowest number from 2 that the member does not declare.</summary>
        public static string Unique(string preferred, SyntaxNode member)
        {
            var taken = new HashSet<string>(In(member));
            var candidate = preferred;
            for (var suffix = 2; taken.Contains(candidate); suffix++)
            {
                candidate = preferred + suffix;
            }

            return candidate;
        }
    }
}
