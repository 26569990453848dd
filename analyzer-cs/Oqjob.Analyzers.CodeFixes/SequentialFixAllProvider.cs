using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// A fix-all that applies a fix to one diagnostic at a time, each on the document that the
    /// previous one produced. The batch fixer merges independent text changes and drops those
    /// that overlap, but two fixes in one job often edit the same constructor or add the same
    /// using directive, so they must see each other's result.
    /// </summary>
    internal static class SequentialFixAllProvider
    {
        /// <summary>A fix of one target node, or null when the node cannot be fixed safely.</summary>
        public delegate Task<Document?> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken);

        public static FixAllProvider Create(FixAsync fix)
        {
            return FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(document, diagnostics, fix, context.CancellationToken));
        }

        private static async Task<Document?> FixDocumentAsync(
            Document document,
            ImmutableArray<Diagnostic> diagnostics,
            FixAsync fix,
            CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return null;
            }

            // Annotations follow the targets through each rewrite, where spans would shift.
            var annotations = diagnostics
                .Select(diagnostic => (Annotation: new SyntaxAnnotation(), Node: DiagnosticTarget.Find(root, diagnostic)))
                .Where(pair => pair.Node != null)
                .ToList();
            var annotated = root.ReplaceNodes(
                annotations.Select(pair => pair.Node!),
                (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations.Where(pair => pair.Node == original).Select(pair => pair.Annotation)));
            var current = document.WithSyntaxRoot(annotated);

            foreach (var (annotation, _) in annotations)
            {
                var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);

                // A target that an earlier fix rewrote or removed was handled by that fix.
                var target = currentRoot?.GetAnnotatedNodes(annotation).FirstOrDefault();
                if (target == null)
                {
                    continue;
                }

                current = await fix(current, target, cancellationToken).ConfigureAwait(false) ?? current;
            }

            return current;
        }
    }
}
