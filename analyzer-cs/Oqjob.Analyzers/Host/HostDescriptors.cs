using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Host
{
    /// <summary>
    /// Copies of the error rules' descriptors with a default severity of warning, used inside
    /// <c>oqjob check</c> only. The compiler lets a suppressor act on a diagnostic only when its
    /// descriptor's default severity is not error; everything else about the rule is unchanged.
    /// </summary>
    internal static class HostDescriptors
    {
        private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Copies = new ConcurrentDictionary<string, DiagnosticDescriptor>();

        public static DiagnosticDescriptor Suppressible(DiagnosticDescriptor descriptor)
        {
            return Copies.GetOrAdd(descriptor.Id, _ => WithWarningDefault(descriptor));
        }

        private static DiagnosticDescriptor WithWarningDefault(DiagnosticDescriptor descriptor)
        {
            return new DiagnosticDescriptor(
                descriptor.Id,
                descriptor.Title,
                descriptor.MessageFormat,
                descriptor.Category,
                DiagnosticSeverity.Warning,
                descriptor.IsEnabledByDefault,
                descriptor.Description,
                descriptor.HelpLinkUri,
                descriptor.CustomTags.ToArray());
        }
    }
}
