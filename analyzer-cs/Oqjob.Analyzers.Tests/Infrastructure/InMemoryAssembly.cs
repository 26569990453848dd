using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Tests.Infrastructure;

internal static class InMemoryAssembly
{
    /// <summary>Emits the compilation to memory and returns a reference to the image; throws with the errors when it does not compile.</summary>
    public static MetadataReference Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException(
                $"The test assembly {compilation.AssemblyName} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
