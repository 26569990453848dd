using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>A place in an execution body that calls a member of the job.</summary>
    internal readonly struct CallSite
    {
        public CallSite(MemberBody body, IOperation operation)
        {
            Body = body;
            Operation = operation;
        }

        public MemberBody Body { get; }

        public IOperation Operation { get; }
    }

    /// <summary>
    /// Where each member of the job is called from within the execution: invocations, method
    /// groups and property accesses, resolved with virtual dispatch the way
    /// <see cref="JobModel.ResolveCall"/> resolves them. The execute overrides are the roots,
    /// which the framework calls.
    /// </summary>
    internal sealed class ExecutionCallSites
    {
        private static readonly ImmutableArray<CallSite> NoCallSites = ImmutableArray<CallSite>.Empty;

        private readonly Dictionary<ISymbol, List<CallSite>> callSitesByMember;
        private readonly HashSet<ISymbol> roots;

        private ExecutionCallSites(Dictionary<ISymbol, List<CallSite>> callSitesByMember, HashSet<ISymbol> roots)
        {
            this.callSitesByMember = callSitesByMember;
            this.roots = roots;
        }

        public static ExecutionCallSites Build(JobModel model)
        {
            var callSites = new Dictionary<ISymbol, List<CallSite>>(SymbolEqualityComparer.Default);
            foreach (var (body, operation) in model.ExecutionOperations())
            {
                foreach (var callee in Callees(model, operation))
                {
                    var key = Normalize(callee);
                    if (!callSites.TryGetValue(key, out var list))
                    {
                        list = new List<CallSite>();
                        callSites[key] = list;
                    }

                    list.Add(new CallSite(body, operation));
                }
            }

            var roots = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var method in model.ExecuteOverrides)
            {
                roots.Add(Normalize(method));
            }

            return new ExecutionCallSites(callSites, roots);
        }

        /// <summary>True when the framework calls the body's member directly: an execute override.</summary>
        public bool IsRoot(MemberBody body)
        {
            return roots.Contains(Normalize(body.Member));
        }

        public IReadOnlyList<CallSite> CallSitesOf(MemberBody body)
        {
            return callSitesByMember.TryGetValue(Normalize(body.Member), out var list) ? list : (IReadOnlyList<CallSite>)NoCallSites;
        }

        /// <summary>
        /// Maps a partial method to its implementation part, which is the member that owns the
        /// body, and any other member to its definition.
        /// </summary>
        private static ISymbol Normalize(ISymbol member)
        {
            var definition = member.OriginalDefinition;
            return definition is IMethodSymbol { PartialImplementationPart: { } implementation } ? implementation : definition;
        }

        private static IEnumerable<IMethodSymbol> Callees(JobModel model, IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return Resolved(model.ResolveCall(invocation.TargetMethod, invocation.Instance));

                case IMethodReferenceOperation reference:
                    return Resolved(model.ResolveCall(reference.Method, reference.Instance));

                case IPropertyReferenceOperation property when model.IsMemberOfJob(property.Property):
                    return Accessors(model, property);

                default:
                    return System.Array.Empty<IMethodSymbol>();
            }
        }

        private static IEnumerable<IMethodSymbol> Resolved(IMethodSymbol? method)
        {
            if (method != null)
            {
                yield return method;
            }
        }

        private static IEnumerable<IMethodSymbol> Accessors(JobModel model, IPropertyReferenceOperation property)
        {
            foreach (var accessor in new[] { property.Property.GetMethod, property.Property.SetMethod })
            {
                var resolved = accessor == null ? null : model.ResolveCall(accessor, property.Instance);
                if (resolved != null)
                {
                    yield return resolved;
                }
            }
        }
    }
}
