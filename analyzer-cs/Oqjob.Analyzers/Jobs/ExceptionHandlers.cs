using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Decides whether an exception raised at an operation is caught before it leaves the
    /// member that contains it. Only the try block itself is guarded by its catch clauses: code
    /// in a catch or finally block is not. A lambda is assumed to run where it is written (as
    /// LINQ operators and List.ForEach run it), while a local function runs at its calls.
    /// </summary>
    internal static class ExceptionHandlers
    {
        /// <summary>
        /// True when a try block around the operation, within its body, has a catch clause for
        /// which <paramref name="catches"/> is true. Inside a local function this is true only
        /// when it is true at every call of that local function.
        /// </summary>
        public static bool IsCaughtInBody(IOperation operation, MemberBody body, Func<ICatchClauseOperation, bool> catches)
        {
            return IsCaughtInBody(operation, body, catches, new HashSet<ISymbol>(SymbolEqualityComparer.Default));
        }

        /// <summary>True when the operation is inside a lambda or a local function of its body.</summary>
        public static bool IsInsideNestedFunction(IOperation operation)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsCaughtInBody(IOperation operation, MemberBody body, Func<ICatchClauseOperation, bool> catches, HashSet<ISymbol> visitedLocalFunctions)
        {
            var child = operation;
            for (var parent = operation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is ITryOperation tryOperation && child == tryOperation.Body && tryOperation.Catches.Any(catches))
                {
                    return true;
                }

                if (parent is ILocalFunctionOperation localFunction)
                {
                    return AreCallsCaught(localFunction.Symbol, body, catches, visitedLocalFunctions);
                }
            }

            return false;
        }

        private static bool AreCallsCaught(IMethodSymbol localFunction, MemberBody body, Func<ICatchClauseOperation, bool> catches, HashSet<ISymbol> visitedLocalFunctions)
        {
            // A local function that calls itself adds no way out beyond its other calls.
            if (!visitedLocalFunctions.Add(localFunction))
            {
                return true;
            }

            foreach (var operation in body.Operations())
            {
                var target = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IMethodReferenceOperation reference => reference.Method,
                    _ => null,
                };
                if (SymbolEqualityComparer.Default.Equals(target?.OriginalDefinition, localFunction)
                    && !IsCaughtInBody(operation, body, catches, visitedLocalFunctions))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
