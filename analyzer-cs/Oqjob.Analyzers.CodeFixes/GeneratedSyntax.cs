using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// Syntax that the fixes add. Type names are written fully qualified and annotated, so that
    /// the code action's cleanup shortens them and adds the using directives they need.
    /// </summary>
    internal static class GeneratedSyntax
    {
        public const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

        /// <summary>Returns the type named by its full C# name, such as "System.Threading.Tasks.Task".</summary>
        public static TypeSyntax Type(string fullName)
        {
            return SyntaxFactory.ParseTypeName("global::" + fullName)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        public static ExpressionSyntax StaticMember(string fullTypeName, string member)
        {
            return SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseName("global::" + fullTypeName),
                    SyntaxFactory.IdentifierName(member))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        /// <summary>Returns <c>Task&lt;string&gt;</c>, the return type of ExecuteJobAsync.</summary>
        public static TypeSyntax TaskOfString() => Type("System.Threading.Tasks.Task<string>");

        /// <summary>
        /// Parses a statement to insert into <paramref name="context"/>'s file, ending with that
        /// file's line break; the formatter indents it.
        /// </summary>
        public static StatementSyntax Statement(string text, SyntaxNode context)
        {
            return Statement(SyntaxFactory.ParseStatement(text), context);
        }

        /// <summary>Prepares a built statement for insertion, like <see cref="Statement(string, SyntaxNode)"/>.</summary>
        public static StatementSyntax Statement(StatementSyntax statement, SyntaxNode context)
        {
            return statement
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(UsingDirectives.EndOfLine(context.SyntaxTree.GetRoot()))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        public static LiteralExpressionSyntax StringLiteral(string value)
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
        }
    }
}
