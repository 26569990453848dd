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
using Microsoft.CodeAnalysis.FindSymbols;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// OQJ4007: turns an ExecuteJob override that blocks on tasks into an async ExecuteJobAsync
    /// override that awaits them. The framework calls both methods for every tenant, so the
    /// rename keeps the job's behaviour while the thread is no longer held.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingOnAsyncCodeFix)), Shared]
    public sealed class BlockingOnAsyncCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "OQJ4007.ConvertToExecuteJobAsync";

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(DiagnosticIds.BlockingOnAsync);

        // One fix converts every wait in the method, so the later ones find nothing to do.
        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(FixAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            var target = root == null ? null : DiagnosticTarget.Find(root, diagnostic);
            var method = target == null ? null : await ConvertibleMethodAsync(context.Document, target, context.CancellationToken).ConfigureAwait(false);
            if (method == null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Convert ExecuteJob to an async ExecuteJobAsync that awaits the tasks",
                    token => ConvertAsync(context.Document, method, token),
                    EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document?> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            var method = await ConvertibleMethodAsync(document, target, cancellationToken).ConfigureAwait(false);
            return method == null ? null : await ConvertAsync(document, method, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Returns the ExecuteJob override that contains the blocking wait, or null when the
        /// conversion would not compile or would change callers: the wait is in a helper or a
        /// nested function, inside a lock, the job already overrides ExecuteJobAsync, or code
        /// in the solution calls ExecuteJob.
        /// </summary>
        private static async Task<MethodDeclarationSyntax?> ConvertibleMethodAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var method = target.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            var symbol = method == null || semanticModel == null ? null : semanticModel.GetDeclaredSymbol(method, cancellationToken);
            if (symbol == null || method!.Body == null && method.ExpressionBody == null)
            {
                return null;
            }

            var knownTypes = KnownTypes.Create(semanticModel!.Compilation);
            var overrides = ExecuteOverrides.Find(symbol.ContainingType, knownTypes);
            if (symbol.Name != ExecuteOverrides.ExecuteJob
                || !JobSymbols.IsExecuteOverride(symbol, knownTypes)
                || overrides.Any(found => found.Name == ExecuteOverrides.ExecuteJobAsync)
                || JobSymbols.BaseMethod(knownTypes, ExecuteOverrides.ExecuteJobAsync) == null)
            {
                return null;
            }

            if (!(target is ExpressionSyntax blocking)
                || BlockingCallSites.Classify(blocking, semanticModel, cancellationToken) == null
                || target.Ancestors().TakeWhile(node => node != method).Any(node => BlockingCallSites.IsNestedFunction(node) || node is LockStatementSyntax || node is QueryExpressionSyntax))
            {
                return null;
            }

            var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            return references.Any(reference => reference.Locations.Any()) ? null : method;
        }

        private static async Task<Document> ConvertAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var sites = method.DescendantNodes(node => !BlockingCallSites.IsNestedFunction(node) && !(node is LockStatementSyntax) && !(node is QueryExpressionSyntax))
                .OfType<ExpressionSyntax>()
                .Select(expression => (Expression: expression, Form: BlockingCallSites.Classify(expression, semanticModel!, cancellationToken)))
                .Where(site => site.Form != null)
                .ToDictionary(site => site.Expression, site => site.Form!.Value);

            // ReplaceNodes rewrites inner waits first and hands over the outer one with them already replaced.
            var awaited = method.ReplaceNodes(
                sites.Keys,
                (original, rewritten) => BlockingCallSites.ToAwait(rewritten, sites[original]).WithTriviaFrom(original));

            var converted = awaited
                .WithIdentifier(SyntaxFactory.Identifier(ExecuteOverrides.ExecuteJobAsync).WithTriviaFrom(method.Identifier))
                .WithReturnType(GeneratedSyntax.TaskOfString().WithTriviaFrom(method.ReturnType))
                .AddModifiers(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            var changed = document.WithSyntaxRoot(root!.ReplaceNode(method, converted));
            return await CodeCleanup.AddImportsAndSimplifyAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }
}
