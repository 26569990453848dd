using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers
{
    /// <summary>
    /// Every diagnostic descriptor of oqjob, built by one factory so that the help link,
    /// the tags and the enabled state are set the same way for all rules.
    /// </summary>
    public static partial class Descriptors
    {
        /// <summary>Base address of the rule pages; each rule's page is docs/rules/&lt;ID&gt;.md.</summary>
        // NOTE: the public repository address is assumed; change it here when the project is published.
        public const string HelpLinkBase = "https://github.com/oqjob/oqjob/blob/main/docs/rules/";

        /// <summary>Builds a descriptor whose help link is the rule's docs page.</summary>
        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity severity,
            string description)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: new[] { "oqtane", "scheduled-jobs" });
        }
    }
}
