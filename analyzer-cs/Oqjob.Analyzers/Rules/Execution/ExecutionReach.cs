using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.Execution
{
    /// <summary>
    /// The part of the execution that one execute override reaches: the override and the
    /// members of the job it calls, transitively, with the model's dispatch to the most derived
    /// override. The model's Execution is the union over both overrides.
    /// </summary>
    internal static class ExecutionReach
    {
        public static IEnumerable<MemberBody> From(IMethodSymbol root, JobModel model)
        {
            var bodiesByMember = model.Execution
                .GroupBy(body => body.Member, SymbolEqualityComparer.Default)
                .ToDictionary(group => group.Key!, group => group.ToList(), SymbolEqualityComparer.Default);
            var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<ISymbol>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var member = pending.Pop();
                if (!visited.Add(member) || !bodiesByMember.TryGetValue(member, out var bodies))
                {
                    continue;
                }

                foreach (var body in bodies)
                {
                    yield return body;
                    foreach (var callee in Callees(body, model))
                    {
                        if (callee != null)
                        {
                            pending.Push(callee);
                        }
                    }
                }
            }
        }

        private static IEnumerable<ISymbol?> Callees(MemberBody body, JobModel model)
        {
            foreach (var operation in body.Operations())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        yield return Key(model.ResolveCall(invocation.TargetMethod, invocation.Instance));
                        break;
                    case IMethodReferenceOperation reference:
                        yield return Key(model.ResolveCall(reference.Method, reference.Instance));
                        break;
                    case IPropertyReferenceOperation property:
                        var getter = property.Property.GetMethod;
                        var setter = property.Property.SetMethod;
                        yield return Key(getter == null ? null : model.ResolveCall(getter, property.Instance));
                        yield return Key(setter == null ? null : model.ResolveCall(setter, property.Instance));
                        break;
                }
            }
        }

        /// <summary>Returns the key of the method's body in the model (a partial method's implementation part), or null for null.</summary>
        private static ISymbol? Key(IMethodSymbol? method)
        {
            return method == null ? null : method.PartialImplementationPart ?? method;
        }
    }
}
