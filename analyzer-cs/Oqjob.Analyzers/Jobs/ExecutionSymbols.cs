using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// The task, threading and disposal symbols that the execution rules (R4) compare against,
    /// resolved once per compilation by metadata name. A symbol is null when the compilation
    /// cannot see it.
    /// </summary>
    internal sealed class ExecutionSymbols
    {
        private ExecutionSymbols(Compilation compilation)
        {
            TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            TaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
            TaskFactoryOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory`1");
            ThreadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
            CancellationTokenSource = compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
            IDisposable = compilation.GetTypeByMetadataName("System.IDisposable");
            IAsyncDisposable = compilation.GetTypeByMetadataName("System.IAsyncDisposable");
        }

        public INamedTypeSymbol? TaskOfT { get; }
        public INamedTypeSymbol? ValueTask { get; }
        public INamedTypeSymbol? ValueTaskOfT { get; }
        public INamedTypeSymbol? TaskFactory { get; }
        public INamedTypeSymbol? TaskFactoryOfT { get; }
        public INamedTypeSymbol? ThreadPool { get; }
        public INamedTypeSymbol? CancellationTokenSource { get; }
        public INamedTypeSymbol? IDisposable { get; }
        public INamedTypeSymbol? IAsyncDisposable { get; }

        public static ExecutionSymbols Create(Compilation compilation)
        {
            return new ExecutionSymbols(compilation);
        }

        /// <summary>
        /// Returns true for Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt; and classes derived
        /// from Task: the results that represent work still running.
        /// </summary>
        public bool IsTaskLike(ITypeSymbol? type, KnownTypes knownTypes)
        {
            if (type == null)
            {
                return false;
            }

            var definition = type.OriginalDefinition;
            if (Is(definition, ValueTask) || Is(definition, ValueTaskOfT))
            {
                return true;
            }

            for (var current = definition; current != null; current = current.BaseType?.OriginalDefinition)
            {
                if (Is(current, knownTypes.Task))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool Is(ITypeSymbol? type, ITypeSymbol? expected)
        {
            return type != null && expected != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
        }
    }
}
