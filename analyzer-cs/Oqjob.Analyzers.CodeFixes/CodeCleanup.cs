using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// Finishes a document that contains <see cref="GeneratedSyntax"/>. The code action's own
    /// cleanup in Roslyn 4.8 shortens annotated names but adds no using directives, so the
    /// fixes add them first; a name then reduces to its short form.
    /// </summary>
    internal static class CodeCleanup
    {
        public static async Task<Document> AddImportsAndSimplifyAsync(Document document, CancellationToken cancellationToken)
        {
            var withImports = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            var simplified = await Simplifier.ReduceAsync(withImports, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(simplified, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
