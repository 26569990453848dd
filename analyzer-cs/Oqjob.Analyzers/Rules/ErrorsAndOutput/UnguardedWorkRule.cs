using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.ErrorsAndOutput
{
    /// <summary>
    /// OQJ6001: a call in the execution that no catch clause guards. Reported once per body, at
    /// its first unguarded call (an invocation or an object creation, since a constructor runs
    /// code too). An await is not counted on its own: the call that produced the awaited task
    /// is. Calls inside a lambda or local function are left to the call that runs them (the LINQ
    /// operator, the delegate invocation, the local function call). A helper of the job is only
    /// checked when some call reaches it without a catch clause around it.
    /// </summary>
    internal static class UnguardedWorkRule
    {
        private static readonly SymbolDisplayFormat MethodFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        public static void Analyze(JobReport report, ExecutionCallSites callSites)
        {
            var unguardedBodies = UnguardedBodies(report.Model, callSites);
            foreach (var body in report.Model.Execution)
            {
                if (!unguardedBodies.Contains(body))
                {
                    continue;
                }

                var call = FirstUnguardedCall(body);
                if (call != null)
                {
                    report.Report(Descriptors.UnguardedWork, call.Syntax.GetLocation(), body.Member, DescribeCall(call), JobReport.MemberName(body.Member));
                }
            }
        }

        /// <summary>
        /// Returns the execution bodies that can be entered without a catch clause around the
        /// call: the execute overrides, and helpers called from an unguarded place of such a body.
        /// Grows until nothing changes, so recursion between helpers ends.
        /// </summary>
        private static HashSet<MemberBody> UnguardedBodies(JobModel model, ExecutionCallSites callSites)
        {
            var unguarded = new HashSet<MemberBody>(model.Execution.Where(body => callSites.IsRoot(body) || callSites.CallSitesOf(body).Count == 0));
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var body in model.Execution)
                {
                    if (!unguarded.Contains(body) && callSites.CallSitesOf(body).Any(site => unguarded.Contains(site.Body) && !IsGuarded(site.Operation, site.Body)))
                    {
                        unguarded.Add(body);
                        changed = true;
                    }
                }
            }

            return unguarded;
        }

        private static IOperation? FirstUnguardedCall(MemberBody body)
        {
            // Of calls that start at the same place, the innermost runs first: a receiver chain.
            return body.Operations()
                .Where(operation => !operation.IsImplicit && IsCall(operation))
                .Where(operation => !ExceptionHandlers.IsInsideNestedFunction(operation) && !IsGuarded(operation, body))
                .OrderBy(operation => operation.Syntax.SpanStart)
                .ThenBy(operation => operation.Syntax.Span.Length)
                .FirstOrDefault();
        }

        /// <summary>
        /// True for an invocation or an object creation.
        /// NOTE: property getters, operators, foreach enumeration and awaits of stored tasks can
        /// throw too, but they are not calls here, so a body with only those is not reported. The creation of an exception that is
        /// thrown is left to OQJ6002, which reports the throw.
        /// </summary>
        private static bool IsCall(IOperation operation)
        {
            if (operation is IInvocationOperation)
            {
                return true;
            }

            if (!(operation is IObjectCreationOperation))
            {
                return false;
            }

            var parent = operation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return !(parent is IThrowOperation);
        }

        /// <summary>Any catch clause guards, whatever it catches: the rule requires a try/catch, not a specific one.</summary>
        private static bool IsGuarded(IOperation operation, MemberBody body)
        {
            return ExceptionHandlers.IsCaughtInBody(operation, body, _ => true);
        }

        private static string DescribeCall(IOperation call)
        {
            if (call is IObjectCreationOperation creation)
            {
                return "new " + creation.Type?.ToDisplayString(MethodFormat);
            }

            var method = ((IInvocationOperation)call).TargetMethod;

            // An extension method reads as a member of its receiver, not of its static class.
            return method.IsExtensionMethod
                ? method.Name + TypeArguments(method)
                : method.ToDisplayString(MethodFormat);
        }

        private static string TypeArguments(IMethodSymbol method)
        {
            return method.TypeArguments.Length == 0
                ? string.Empty
                : "<" + string.Join(", ", method.TypeArguments.Select(type => type.ToDisplayString(MethodFormat))) + ">";
        }
    }
}
