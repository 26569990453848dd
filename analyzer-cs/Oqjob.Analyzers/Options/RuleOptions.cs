using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Oqjob.Analyzers.Options
{
    /// <summary>
    /// Reads a rule's options from .editorconfig and .globalconfig. A key sits under the rule's
    /// ID, next to the compiler's severity key: <c>dotnet_diagnostic.OQJ2002.tenant_bound_types = ...</c>.
    /// A value set for the file wins over the global value.
    /// </summary>
    internal static class RuleOptions
    {
        /// <summary>Extra types that OQJ2002 treats as tenant-bound (scoped) services.</summary>
        public const string TenantBoundTypes = "tenant_bound_types";

        public static string Key(string ruleId, string option)
        {
            return "dotnet_diagnostic." + ruleId + "." + option;
        }

        public static string? Read(AnalyzerOptions options, SyntaxTree? tree, string ruleId, string option)
        {
            var key = Key(ruleId, option);
            var provider = options.AnalyzerConfigOptionsProvider;
            if (tree != null && provider.GetOptions(tree).TryGetValue(key, out var value))
            {
                return value;
            }

            return provider.GlobalOptions.TryGetValue(key, out var global) ? global : null;
        }
    }
}
