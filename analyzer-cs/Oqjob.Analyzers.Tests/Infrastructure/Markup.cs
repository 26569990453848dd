using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Oqjob.Analyzers.Tests.Infrastructure;

/// <summary>A diagnostic that a test expects: its ID and the span it covers.</summary>
internal sealed record ExpectedDiagnostic(string Id, string FilePath, TextSpan Span);

/// <summary>
/// Location markup in test sources: <c>{|OQJ1001:text|}</c> expects a diagnostic with that
/// ID exactly on <c>text</c>. Markers may nest.
/// </summary>
internal static class Markup
{
    public static (string Source, List<ExpectedDiagnostic> Expected) Parse(string markup, string filePath)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        var index = 0;
        while (index < markup.Length)
        {
            if (StartsWith(markup, index, "{|"))
            {
                var colon = markup.IndexOf(':', index + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at offset {index} of {filePath} has no ':' after the diagnostic ID.");
                }

                open.Push((markup.Substring(index + 2, colon - index - 2), source.Length));
                index = colon + 1;
            }
            else if (StartsWith(markup, index, "|}"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Markup '|}}' at offset {index} of {filePath} closes no open marker.");
                }

                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, filePath, TextSpan.FromBounds(start, source.Length)));
                index += 2;
            }
            else
            {
                source.Append(markup[index]);
                index++;
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Markup in {filePath} leaves {open.Count} marker(s) open.");
        }

        return (source.ToString(), expected);
    }

    private static bool StartsWith(string text, int index, string value)
    {
        return string.CompareOrdinal(text, index, value, 0, value.Length) == 0;
    }
}
