using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Follows a job constructor's IServiceScopeFactory parameter through the constructor
    /// initializers (<c>: base(...)</c>, <c>: this(...)</c> and primary constructor base lists)
    /// until it reaches HostedServiceBase's constructor.
    /// </summary>
    internal static class ConstructorChain
    {
        // Deeper chains than this are not followed; no real job has this many bases.
        private const int MaxDepth = 32;

        /// <summary>
        /// Returns null when the parameter reaches HostedServiceBase, else the reason it does not.
        /// A base constructor compiled in another assembly is trusted once it receives the
        /// parameter, because its body cannot be seen.
        /// </summary>
        public static string? WhyFactoryIsNotPassed(
            IMethodSymbol constructor,
            IParameterSymbol factory,
            KnownTypes knownTypes,
            Compilation compilation,
            CancellationToken cancellationToken)
        {
            var currentConstructor = constructor;
            var currentParameter = factory;
            for (var depth = 0; depth < MaxDepth; depth++)
            {
                if (SymbolEqualityComparer.Default.Equals(currentConstructor.ContainingType.OriginalDefinition, knownTypes.HostedServiceBase))
                {
                    return null;
                }

                if (currentConstructor.DeclaringSyntaxReferences.IsEmpty)
                {
                    return currentConstructor.IsImplicitlyDeclared
                        ? "its constructor does not pass IServiceScopeFactory to the base class"
                        : null;
                }

                var initializer = FindInitializer(currentConstructor, compilation, cancellationToken);
                if (initializer == null)
                {
                    return "its constructor does not pass IServiceScopeFactory to the base class";
                }

                var argument = initializer.Arguments.FirstOrDefault(a =>
                    a.Parameter != null && SymbolEqualityComparer.Default.Equals(a.Parameter.Type, knownTypes.IServiceScopeFactory));
                if (argument == null || argument.Parameter == null)
                {
                    return "its constructor calls a base constructor that takes no IServiceScopeFactory";
                }

                var value = Unwrap(argument.Value);
                if (!(value is IParameterReferenceOperation reference)
                    || !SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, currentParameter.OriginalDefinition))
                {
                    return "its constructor passes '" + argument.Value.Syntax + "' to the base class instead of its IServiceScopeFactory parameter";
                }

                // A generic base is called through its constructed constructor; its syntax and
                // parameters belong to the original definition.
                currentConstructor = initializer.TargetMethod.OriginalDefinition;
                currentParameter = currentConstructor.Parameters[argument.Parameter.Ordinal];
            }

            return null;
        }

        /// <summary>Returns the base or this constructor call of a source constructor, or null when it has none in source.</summary>
        private static IInvocationOperation? FindInitializer(IMethodSymbol constructor, Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                SyntaxNode? initializerSyntax = syntax switch
                {
                    ConstructorDeclarationSyntax declaration => declaration.Initializer,
                    TypeDeclarationSyntax primary => primary.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault(),
                    _ => null,
                };
                if (initializerSyntax == null)
                {
                    continue;
                }

#pragma warning disable RS1030 // A constructor of a base class may sit in another tree; inside the analyzer driver this returns its cached model.
                var model = compilation.GetSemanticModel(initializerSyntax.SyntaxTree);
#pragma warning restore RS1030
                var operation = model.GetOperation(initializerSyntax, cancellationToken);
                var invocation = operation as IInvocationOperation
                    ?? (operation as IExpressionStatementOperation)?.Operation as IInvocationOperation
                    ?? operation?.DescendantsAndSelf().OfType<IInvocationOperation>().FirstOrDefault();
                if (invocation != null)
                {
                    return invocation;
                }
            }

            return null;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            var current = operation;
            while (true)
            {
                switch (current)
                {
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        break;
                    case ICoalesceOperation coalesce:
                        current = coalesce.Value;
                        break;
                    default:
                        return current;
                }
            }
        }
    }
}
