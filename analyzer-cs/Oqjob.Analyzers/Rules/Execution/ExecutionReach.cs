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
                        pending.Push(callee);
                    }
                }
            }
        }

        private static IEnumerable<ISymbol> Callees(MemberBody body, JobModel model)
        {
            foreach (var operation in body.Operations())
            {
                var resolved = operation switch
                {
                    IInvocationOperation invocation => new[] { model.ResolveCall(invocation.TargetMethod, invocation.Instance) },
                    IMethodReferenceOperation reference => new[] { model.ResolveCall(reference.Method, reference.Instance) },
                    IPropertyReferenceOperation property => Accessors(property, model),
                    _ => new IMethodSymbol?[0],
                };
                foreach (var method in resolved)
                {
                    if (method != null)
                    {
                        // The model keys a partial method by its implementation part.
                        yield return method.PartialImplementationPart ?? method;
                    }
                }
            }
        }

        private static IMethodSymbol?[] Accessors(IPropertyReferenceOperation property, JobModel model)
        {
            var getter = property.Property.GetMethod;
            var setter = property.Property.SetMethod;
            return new[]
            {
                getter == null ? null : model.ResolveCall(getter, property.Instance),
                setter == null ? null : model.ResolveCall(setter, property.Instance),
            };
        }
    }
}
