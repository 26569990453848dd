using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.Execution
{
    /// <summary>
    /// OQJ4008: calls and creations in the construction (constructors, instance initializers
    /// and the members they call) that reach outside the process or start work: file, network
    /// and database APIs, Oqtane's server services, service resolution, delays and
    /// task-returning calls. Metadata assignments, DateTime, TimeSpan, string and Math work,
    /// collections and storing the factory are left alone.
    /// </summary>
    internal static class ConstructorWorkCheck
    {
        // Namespaces whose APIs do I/O, by the kind of I/O shown in the message.
        private static readonly ImmutableArray<(string Namespace, string Kind)> IoNamespaces = ImmutableArray.Create(
            ("System.IO", "file I/O"),
            ("System.Net", "network I/O"),
            ("System.Data", "database work"),
            ("Microsoft.Data", "database work"),
            ("Microsoft.EntityFrameworkCore", "database work"),
            ("Microsoft.Extensions.DependencyInjection", "service resolution"));

        // Types in those namespaces that only compute in memory.
        private static readonly ImmutableHashSet<string> InMemoryTypes = ImmutableHashSet.Create(
            "System.IO.Path",
            "System.IO.StringReader",
            "System.IO.StringWriter",
            "System.IO.MemoryStream",
            "System.Net.WebUtility",
            "System.Net.IPAddress",
            "System.Data.DataTable",
            "System.Data.DataSet",
            "System.Data.DataRow",
            "System.Data.DataColumn");

        public static void Check(ExecutionReporter reporter)
        {
            foreach (var (body, operation) in reporter.Model.ConstructionOperations())
            {
                if (IsInsideLambda(operation, body))
                {
                    continue;
                }

                var description = operation switch
                {
                    IInvocationOperation invocation => DescribeCall(invocation, reporter),
                    IObjectCreationOperation creation => DescribeCreation(creation, reporter),
                    _ => null,
                };
                if (description != null)
                {
                    reporter.Report(Descriptors.ConstructorWork, operation.Syntax.GetLocation(), body.Member, description);
                }
            }
        }

        /// <summary>
        /// True inside a lambda or anonymous method: a delegate that the constructor stores runs
        /// later, if at all. Local functions are not skipped, because a constructor declares
        /// them to call them.
        /// </summary>
        private static bool IsInsideLambda(IOperation operation, MemberBody body)
        {
            for (var current = operation.Parent; current != null && current != body.Root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? DescribeCall(IInvocationOperation invocation, ExecutionReporter reporter)
        {
            var method = invocation.TargetMethod;
            if (method.MethodKind == MethodKind.Constructor)
            {
                // base(...) and this(...) initializers; the job's own constructors are walked by the model.
                return null;
            }

            var name = method.ContainingType.Name + "." + method.Name;
            var kind = KindOfType(method.ContainingType, reporter) ?? KindOfMethod(method, reporter);
            if (kind == null && reporter.Symbols.IsTaskLike(method.ReturnType, reporter.KnownTypes))
            {
                kind = "starts asynchronous work";
            }

            return kind == null ? null : "calls '" + name + "' (" + kind + ")";
        }

        private static string? DescribeCreation(IObjectCreationOperation creation, ExecutionReporter reporter)
        {
            var kind = KindOfType(creation.Type, reporter) ?? (IsDbContext(creation.Type, reporter) ? "database work" : null);
            return kind == null ? null : "creates '" + creation.Type!.Name + "' (" + kind + ")";
        }

        private static string? KindOfMethod(IMethodSymbol method, ExecutionReporter reporter)
        {
            if (method.Name == "GetService" && ImplementsServiceProvider(method.ContainingType, reporter))
            {
                return "service resolution";
            }

            return SchedulingConstructs.IsDelay(method, reporter.KnownTypes) ? "a delay" : null;
        }

        /// <summary>Returns the kind of work that members of the type do, or null for in-memory types.</summary>
        private static string? KindOfType(ITypeSymbol? type, ExecutionReporter reporter)
        {
            if (type == null)
            {
                return null;
            }

            var definition = type.OriginalDefinition;
            if (ExecutionSymbols.Is(definition, reporter.KnownTypes.HostedServiceBase) || reporter.Model.IsInJob(definition))
            {
                return null;
            }

            // Repositories, managers and other server services of Oqtane read and write the database.
            if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, reporter.KnownTypes.OqtaneServer))
            {
                return "an Oqtane server service";
            }

            if (InMemoryTypes.Contains(definition.ToDisplayString()))
            {
                return null;
            }

            var namespaceName = definition.ContainingNamespace?.ToDisplayString() ?? "";
            foreach (var (prefix, kind) in IoNamespaces)
            {
                if (namespaceName == prefix || namespaceName.StartsWith(prefix + ".", System.StringComparison.Ordinal))
                {
                    return kind;
                }
            }

            return null;
        }

        private static bool ImplementsServiceProvider(INamedTypeSymbol? type, ExecutionReporter reporter)
        {
            if (type == null)
            {
                return false;
            }

            if (ExecutionSymbols.Is(type, reporter.KnownTypes.IServiceProvider))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (ExecutionSymbols.Is(implemented, reporter.KnownTypes.IServiceProvider))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDbContext(ITypeSymbol? type, ExecutionReporter reporter)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (ExecutionSymbols.Is(current, reporter.KnownTypes.DbContext))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
