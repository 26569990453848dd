using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>The constructor of a job, where the framework reads the metadata from.</summary>
    internal static class JobConstructor
    {
        /// <summary>
        /// Returns the type's only instance constructor when it is declared in
        /// <paramref name="type"/> with a block body, or null when there is none, several,
        /// or one in another part of a partial type: then it is unclear where metadata belongs.
        /// </summary>
        public static ConstructorDeclarationSyntax? Single(TypeDeclarationSyntax type, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var symbol = semanticModel.GetDeclaredSymbol(type, cancellationToken);
            if (symbol == null || symbol.InstanceConstructors.Count(constructor => !constructor.IsImplicitlyDeclared) != 1)
            {
                return null;
            }

            var declared = type.Members
                .OfType<ConstructorDeclarationSyntax>()
                .Where(constructor => !constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                .ToList();
            return declared.Count == 1 && declared[0].Body != null ? declared[0] : null;
        }

        /// <summary>True when the constructor body assigns the property, with or without <c>this.</c>.</summary>
        public static bool Assigns(ConstructorDeclarationSyntax constructor, IPropertySymbol property, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            return constructor.DescendantNodes()
                .OfType<AssignmentExpressionSyntax>()
                .Any(assignment => SymbolEqualityComparer.Default.Equals(
                    semanticModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
                    property));
        }

        /// <summary>Returns a statement <c>Property = value;</c> in the file's line breaks.</summary>
        public static StatementSyntax Assignment(string property, ExpressionSyntax value, SyntaxNode context)
        {
            var assignment = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(property),
                value.WithoutTrivia());
            return GeneratedSyntax.Statement(SyntaxFactory.ExpressionStatement(assignment), context);
        }

        public static ConstructorDeclarationSyntax Insert(ConstructorDeclarationSyntax constructor, int index, IEnumerable<StatementSyntax> statements)
        {
            var body = constructor.Body!;
            return constructor.WithBody(body.WithStatements(body.Statements.InsertRange(index, statements)));
        }
    }
}
