using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// OQJ1002: turns a class that derives from BackgroundService into an Oqtane job: it
    /// inherits HostedServiceBase, its constructor takes IServiceScopeFactory and sets the
    /// metadata, and the work of ExecuteAsync moves into ExecuteJobAsync.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BackgroundServiceToJobCodeFix)), Shared]
    public sealed class BackgroundServiceToJobCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "OQJ1002.ConvertToJob";

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(DiagnosticIds.UnmanagedHostedService);

        // Services in one file add the same using directives, so the fixes run one after another.
        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(FixAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            var target = root == null ? null : DiagnosticTarget.Find(root, diagnostic);
            var conversion = target == null || semanticModel == null ? null : BackgroundServiceConversion.Create(target, semanticModel, context.CancellationToken);
            if (conversion == null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(conversion.Title, token => conversion.ApplyAsync(context.Document, token), EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document?> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var conversion = semanticModel == null ? null : BackgroundServiceConversion.Create(target, semanticModel, cancellationToken);
            return conversion == null ? null : await conversion.ApplyAsync(document, cancellationToken).ConfigureAwait(false);
        }
    }
}
