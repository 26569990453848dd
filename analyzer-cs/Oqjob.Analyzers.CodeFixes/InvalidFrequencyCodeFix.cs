using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// OQJ3002: replaces an invalid Frequency value with a valid code, one code action per code
    /// that the referenced Oqtane release accepts.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidFrequencyCodeFix)), Shared]
    public sealed class InvalidFrequencyCodeFix : CodeFixProvider
    {
        private static readonly (string Code, string Unit)[] Codes =
        {
            ("m", "minutes"),
            ("H", "hours"),
            ("d", "days"),
            ("w", "weeks"),
            ("M", "months"),
            ("O", "once"),
        };

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(DiagnosticIds.InvalidFrequency);

        // Each code has its own equivalence key, so fixing all with "H" never writes "m".
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || semanticModel == null)
            {
                return;
            }

            var diagnostic = context.Diagnostics[0];
            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value))
            {
                return;
            }

            var oqtaneVersion = KnownTypes.Create(semanticModel.Compilation).OqtaneVersion;
            foreach (var (code, unit) in Codes)
            {
                if (MetadataValues.FrequencyProblem(code, oqtaneVersion) != null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Set Frequency to \"{code}\" ({unit})",
                        _ => Task.FromResult(ReplaceValue(context.Document, root, value, code)),
                        EquivalenceKey(code)),
                    diagnostic);
            }
        }

        public static string EquivalenceKey(string code) => DiagnosticIds.InvalidFrequency + ":" + code;

        private static Document ReplaceValue(Document document, SyntaxNode root, ExpressionSyntax value, string code)
        {
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(code))
                .WithTriviaFrom(value);
            return document.WithSyntaxRoot(root.ReplaceNode(value, literal));
        }
    }
}
