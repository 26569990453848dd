using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>The forms of blocking wait that an await replaces one for one.</summary>
    internal enum BlockingWait
    {
        /// <summary><c>task.Result</c> on Task&lt;T&gt; or ValueTask&lt;T&gt;.</summary>
        Result,

        /// <summary><c>task.Wait()</c> without a timeout.</summary>
        Wait,

        /// <summary><c>task.GetAwaiter().GetResult()</c>, also after ConfigureAwait.</summary>
        GetResult,

        /// <summary><c>Task.WaitAll(tasks);</c> as a statement, which becomes <c>await Task.WhenAll(tasks);</c>.</summary>
        WaitAll,
    }

    /// <summary>
    /// Finds and rewrites blocking waits. Waits with a timeout, <c>WaitAny</c> and
    /// <c>GetResult()</c> on a stored awaiter have no one-for-one await, so they are left alone.
    /// </summary>
    internal static class BlockingCallSites
    {
        /// <summary>Returns the form of blocking wait that the expression is, or null.</summary>
        public static BlockingWait? Classify(ExpressionSyntax expression, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax access when access.Name.Identifier.ValueText == "Result":
                    var property = semanticModel.GetSymbolInfo(access, cancellationToken).Symbol as IPropertySymbol;
                    return IsTaskType(property?.ContainingType, genericOnly: true) ? BlockingWait.Result : (BlockingWait?)null;

                case InvocationExpressionSyntax invocation when invocation.Expression is MemberAccessExpressionSyntax call:
                    var method = semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
                    return method == null ? null : ClassifyCall(invocation, call, method);

                default:
                    return null;
            }
        }

        /// <summary>Returns the await that replaces <paramref name="wait"/>, a node of the given form, possibly already rewritten inside.</summary>
        public static ExpressionSyntax ToAwait(ExpressionSyntax wait, BlockingWait form)
        {
            switch (form)
            {
                case BlockingWait.Result:
                    return Await(((MemberAccessExpressionSyntax)wait).Expression);

                case BlockingWait.Wait:
                    return Await(((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)wait).Expression).Expression);

                case BlockingWait.GetResult:
                    var getResult = (MemberAccessExpressionSyntax)((InvocationExpressionSyntax)wait).Expression;
                    var getAwaiter = (MemberAccessExpressionSyntax)((InvocationExpressionSyntax)getResult.Expression).Expression;
                    return Await(getAwaiter.Expression);

                default:
                    var waitAll = (InvocationExpressionSyntax)wait;
                    var whenAll = waitAll.WithExpression(((MemberAccessExpressionSyntax)waitAll.Expression).WithName(SyntaxFactory.IdentifierName("WhenAll")));
                    return SyntaxFactory.AwaitExpression(whenAll.WithoutTrivia());
            }
        }

        public static bool IsNestedFunction(SyntaxNode node)
        {
            return node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax;
        }

        private static BlockingWait? ClassifyCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax call, IMethodSymbol method)
        {
            var noArguments = invocation.ArgumentList.Arguments.Count == 0;
            if (method.Name == "Wait" && noArguments && !method.IsStatic && IsTaskType(method.ContainingType, genericOnly: false))
            {
                return BlockingWait.Wait;
            }

            if (method.Name == "GetResult"
                && noArguments
                && method.ContainingType.Name.EndsWith("Awaiter", System.StringComparison.Ordinal)
                && call.Expression is InvocationExpressionSyntax getAwaiter
                && getAwaiter.ArgumentList.Arguments.Count == 0
                && getAwaiter.Expression is MemberAccessExpressionSyntax awaiterAccess
                && awaiterAccess.Name.Identifier.ValueText == "GetAwaiter")
            {
                return BlockingWait.GetResult;
            }

            // WaitAll returns nothing, so only a statement can become an awaited WhenAll.
            var isWaitAllStatement = method.Name == "WaitAll"
                && method.IsStatic
                && IsTaskType(method.ContainingType, genericOnly: false)
                && invocation.Parent is ExpressionStatementSyntax
                && method.Parameters.Length == 1
                && method.Parameters[0].IsParams;
            return isWaitAllStatement ? BlockingWait.WaitAll : (BlockingWait?)null;
        }

        private static bool IsTaskType(INamedTypeSymbol? type, bool genericOnly)
        {
            var definition = type?.OriginalDefinition;
            if (definition == null || definition.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks")
            {
                return false;
            }

            return (definition.Name == "Task" || definition.Name == "ValueTask") && (definition.Arity == 1 || !genericOnly);
        }

        // Parentheses keep "(await task).Length" right; the simplifier removes them where they are redundant.
        private static ExpressionSyntax Await(ExpressionSyntax task)
        {
            return SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(task.WithoutTrivia()))
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }
    }
}
