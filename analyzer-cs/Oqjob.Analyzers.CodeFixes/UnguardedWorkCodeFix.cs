using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// OQJ6001: wraps the body of an execute override in try/catch, so that an exception no
    /// longer skips the remaining tenants. The catch returns the job log with the error message
    /// added, where the admin screen shows it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnguardedWorkCodeFix)), Shared]
    public sealed class UnguardedWorkCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "OQJ6001.WrapInTryCatch";

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(DiagnosticIds.UnguardedWork);

        // Overrides in one file may add the same using directives, so the fixes run one after another.
        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(FixAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            var target = root == null ? null : DiagnosticTarget.Find(root, diagnostic);
            var method = target == null ? null : await GuardableMethodAsync(context.Document, target, context.CancellationToken).ConfigureAwait(false);
            if (method == null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Wrap the work of {method.Identifier.ValueText} in try/catch and return the error in the job log",
                    token => WrapAsync(context.Document, method, token),
                    EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document?> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            var method = await GuardableMethodAsync(document, target, cancellationToken).ConfigureAwait(false);
            return method == null ? null : await WrapAsync(document, method, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Returns the execute override that contains the call, or null for a helper (it returns
        /// no job log to add the error to) and for an ExecuteJobAsync that is not async, whose
        /// try/catch would not see the exceptions of the task it returns.
        /// </summary>
        private static async Task<MethodDeclarationSyntax?> GuardableMethodAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var method = target.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            var symbol = method == null || semanticModel == null ? null : semanticModel.GetDeclaredSymbol(method, cancellationToken);
            if (symbol == null || !JobSymbols.IsExecuteOverride(symbol, KnownTypes.Create(semanticModel!.Compilation)))
            {
                return null;
            }

            var isAsyncOverride = symbol.Name == ExecuteOverrides.ExecuteJobAsync;
            if (isAsyncOverride && !symbol.IsAsync)
            {
                return null;
            }

            return method!.Body != null || method.ExpressionBody != null ? method : null;
        }

        private static async Task<Document> WrapAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var statements = method.Body != null
                ? method.Body.Statements.ToList()
                : new List<StatementSyntax> { SyntaxFactory.ReturnStatement(method.ExpressionBody!.Expression.WithoutTrivia()) };

            // A leading "var log = "";" stays outside the try, so the catch can add to it.
            var log = LogDeclaration(statements, semanticModel!, cancellationToken);
            var guarded = log == null ? statements : statements.Skip(1).ToList();
            var exception = DeclaredNames.Unique("ex", method);

            var catchClause = SyntaxFactory.CatchClause(
                SyntaxFactory.CatchDeclaration(GeneratedSyntax.Type("System.Exception"), SyntaxFactory.Identifier(exception)),
                filter: null,
                SyntaxFactory.Block(SyntaxFactory.ReturnStatement(ErrorText(log, exception))));
            var tryStatement = SyntaxFactory.TryStatement(SyntaxFactory.Block(guarded), SyntaxFactory.SingletonList(catchClause), @finally: null);

            var body = new List<StatementSyntax>();
            if (log != null)
            {
                body.Add(statements[0]);
            }

            body.Add(tryStatement.WithAdditionalAnnotations(Formatter.Annotation));
            var wrapped = method
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(SyntaxFactory.Block(body).WithAdditionalAnnotations(Formatter.Annotation));
            var changed = document.WithSyntaxRoot(root!.ReplaceNode(method, wrapped));
            return await CodeCleanup.AddImportsAndSimplifyAsync(changed, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Returns the name of a string local that the first statement declares with a constant, or null.</summary>
        private static string? LogDeclaration(List<StatementSyntax> statements, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (statements.Count < 2
                || !(statements[0] is LocalDeclarationStatementSyntax declaration)
                || declaration.IsConst
                || declaration.Declaration.Variables.Count != 1)
            {
                return null;
            }

            var variable = declaration.Declaration.Variables[0];
            var local = semanticModel.GetDeclaredSymbol(variable, cancellationToken) as ILocalSymbol;
            var initializer = variable.Initializer?.Value;
            var isConstantString = initializer != null
                && local?.Type.SpecialType == SpecialType.System_String
                && semanticModel.GetConstantValue(initializer, cancellationToken).Value is string;
            return isConstantString ? variable.Identifier.ValueText : null;
        }

        /// <summary>Returns <c>log + "Error: " + ex.Message</c>, without the log when there is none.</summary>
        /// <remarks>
        /// NOTE: the admin screen renders the log as HTML, but the message is not encoded: a call
        /// such as WebUtility.HtmlEncode in the catch would itself be unguarded work for OQJ6001.
        /// </remarks>
        private static ExpressionSyntax ErrorText(string? log, string exception)
        {
            var message = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(exception),
                SyntaxFactory.IdentifierName("Message"));
            // Left-associative, as the parser reads "log + \"Error: \" + ex.Message".
            ExpressionSyntax prefix = GeneratedSyntax.StringLiteral("Error: ");
            if (log != null)
            {
                prefix = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, SyntaxFactory.IdentifierName(log), prefix);
            }

            return SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, prefix, message);
        }
    }
}
