using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Finds the constructs with which a hosted service runs its own schedule: a .NET timer,
    /// a delay inside a loop, or a loop that runs until cancellation.
    /// </summary>
    internal static class SchedulingConstructs
    {
        /// <summary>
        /// Returns a short description of the first scheduling construct in the type or its
        /// source bases, in declaration order, or null when there is none.
        /// </summary>
        public static string? FindFirst(
            INamedTypeSymbol type,
            KnownTypes knownTypes,
            Compilation compilation,
            CancellationToken cancellationToken)
        {
            foreach (var declaration in JobClassifier.SourceDeclarations(type, knownTypes, compilation))
            {
#pragma warning disable RS1030 // The declarations of a type's bases live in other trees; inside the analyzer driver this returns its cached model.
                var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030

                foreach (var node in SyntaxWalk.NodesOfType(declaration))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var found = Describe(node, model, knownTypes, cancellationToken);
                    if (found != null)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        private static string? Describe(SyntaxNode node, SemanticModel model, KnownTypes knownTypes, CancellationToken cancellationToken)
        {
            switch (node)
            {
                case BaseObjectCreationExpressionSyntax creation:
                    var createdType = model.GetTypeInfo(creation, cancellationToken).Type;
                    return knownTypes.IsTimer(createdType)
                        ? "a " + createdType!.ToDisplayString()
                        : null;

                case InvocationExpressionSyntax invocation:
                    var method = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
                    return IsDelay(method, knownTypes) && IsInsideLoop(invocation)
                        ? method!.ContainingType.Name + "." + method.Name + " in a loop"
                        : null;

                case WhileStatementSyntax whileStatement:
                    return LoopDescription(whileStatement.Condition, model, knownTypes, cancellationToken);

                case DoStatementSyntax doStatement:
                    return LoopDescription(doStatement.Condition, model, knownTypes, cancellationToken);

                case ForStatementSyntax forStatement when forStatement.Condition != null:
                    return LoopDescription(forStatement.Condition, model, knownTypes, cancellationToken);

                default:
                    return null;
            }
        }

        public static bool IsDelay(IMethodSymbol? method, KnownTypes knownTypes)
        {
            if (method == null)
            {
                return false;
            }

            var containingType = method.ContainingType?.OriginalDefinition;
            return (method.Name == "Delay" && SymbolEqualityComparer.Default.Equals(containingType, knownTypes.Task))
                || (method.Name == "Sleep" && SymbolEqualityComparer.Default.Equals(containingType, knownTypes.Thread));
        }

        private static string? LoopDescription(
            ExpressionSyntax condition,
            SemanticModel model,
            KnownTypes knownTypes,
            CancellationToken cancellationToken)
        {
            foreach (var access in condition.DescendantNodesAndSelf())
            {
                if (!(access is MemberAccessExpressionSyntax) && !(access is MemberBindingExpressionSyntax))
                {
                    continue;
                }

                var property = model.GetSymbolInfo(access, cancellationToken).Symbol as IPropertySymbol;
                if (property != null
                    && property.Name == "IsCancellationRequested"
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType, knownTypes.CancellationToken))
                {
                    return "a loop that runs until cancellation";
                }
            }

            return null;
        }

        private static bool IsInsideLoop(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case WhileStatementSyntax _:
                    case DoStatementSyntax _:
                    case ForStatementSyntax _:
                    case CommonForEachStatementSyntax _:
                        return true;
                    case MemberDeclarationSyntax _:
                        return false;
                }
            }

            return false;
        }
    }
}
