using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// The base library symbols that the errors and output rules compare against, resolved once
    /// per compilation by metadata name. A symbol is null when the compilation cannot see it.
    /// </summary>
    internal sealed class ErrorsAndOutputSymbols
    {
        private ErrorsAndOutputSymbols(Compilation compilation)
        {
            Console = compilation.GetTypeByMetadataName("System.Console");
            Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
            Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
            LoggerFactory = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerFactory");
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        }

        public INamedTypeSymbol? Console { get; }
        public INamedTypeSymbol? Debug { get; }
        public INamedTypeSymbol? Trace { get; }
        public INamedTypeSymbol? LoggerFactory { get; }
        public INamedTypeSymbol? Exception { get; }
        public INamedTypeSymbol? Task { get; }

        public static ErrorsAndOutputSymbols Create(Compilation compilation)
        {
            return new ErrorsAndOutputSymbols(compilation);
        }
    }
}
