using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>Finds the syntax node that a diagnostic of the analyzer is reported on.</summary>
    internal static class DiagnosticTarget
    {
        public static SyntaxNode? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Location.IsInSource || span.End > root.FullSpan.End)
            {
                return null;
            }

            // The innermost node for a tie: a location on an expression must not widen to its statement.
            return root.FindNode(span, getInnermostNodeForTie: true);
        }
    }
}
