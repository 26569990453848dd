using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Builds a <see cref="JobModel"/>: collects the source bodies of the job's members and
    /// follows calls from the execute overrides and the constructors to members of the job.
    /// </summary>
    internal sealed class JobModelBuilder
    {
        private readonly INamedTypeSymbol job;
        private readonly KnownTypes knownTypes;
        private readonly Compilation compilation;
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<SyntaxTree, SemanticModel?> models = new Dictionary<SyntaxTree, SemanticModel?>();
        private readonly Dictionary<ISymbol, ImmutableArray<MemberBody>> bodiesByMember =
            new Dictionary<ISymbol, ImmutableArray<MemberBody>>(SymbolEqualityComparer.Default);

        public JobModelBuilder(INamedTypeSymbol job, KnownTypes knownTypes, Compilation compilation, CancellationToken cancellationToken)
        {
            this.job = job;
            this.knownTypes = knownTypes;
            this.compilation = compilation;
            this.cancellationToken = cancellationToken;
        }

        public JobModel Build()
        {
            var chain = JobClassifier.JobChain(job, knownTypes).ToImmutableArray();
            var executeOverrides = MostDerivedExecuteOverrides();

            // The reachability walk needs IsInJob and ResolveCall, which a model without bodies provides.
            var shape = new JobModel(job, chain, executeOverrides, ImmutableArray<MemberBody>.Empty, ImmutableArray<MemberBody>.Empty, ImmutableArray<MemberBody>.Empty);

            var allBodies = chain.SelectMany(type => type.OriginalDefinition.GetMembers()).SelectMany(member => BodiesOf(member)).ToImmutableArray();
            var execution = Reachable(shape, executeOverrides.Cast<ISymbol>());
            var construction = Reachable(shape, ConstructionRoots(chain));
            return new JobModel(job, chain, executeOverrides, execution, construction, allBodies);
        }

        private ImmutableArray<IMethodSymbol> MostDerivedExecuteOverrides()
        {
            var seen = new HashSet<string>();
            var result = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var method in ExecuteOverrides.Find(job, knownTypes))
            {
                if (seen.Add(method.Name))
                {
                    result.Add(method.OriginalDefinition);
                }
            }

            return result.ToImmutable();
        }

        private static IEnumerable<ISymbol> ConstructionRoots(ImmutableArray<INamedTypeSymbol> chain)
        {
            foreach (var type in chain)
            {
                foreach (var member in type.OriginalDefinition.GetMembers())
                {
                    if (member.IsStatic)
                    {
                        continue;
                    }

                    if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } || member is IFieldSymbol || member is IPropertySymbol)
                    {
                        yield return member;
                    }
                }
            }
        }

        /// <summary>
        /// Returns the bodies of the roots and of every member of the job they reach through
        /// calls, method groups and property accesses. For properties only initializers count as
        /// roots; their accessors are reached when something uses them.
        /// </summary>
        private ImmutableArray<MemberBody> Reachable(JobModel shape, IEnumerable<ISymbol> roots)
        {
            var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<ISymbol>(roots);
            var result = ImmutableArray.CreateBuilder<MemberBody>();
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var member = pending.Pop();
                if (!visited.Add(member))
                {
                    continue;
                }

                foreach (var body in BodiesOf(member))
                {
                    result.Add(body);
                    foreach (var callee in Callees(shape, body))
                    {
                        pending.Push(callee);
                    }
                }
            }

            return result.ToImmutable();
        }

        private static IEnumerable<ISymbol> Callees(JobModel shape, MemberBody body)
        {
            foreach (var operation in body.Operations())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        var invoked = shape.ResolveCall(invocation.TargetMethod, invocation.Instance);
                        if (invoked != null)
                        {
                            yield return invoked;
                        }

                        break;

                    case IMethodReferenceOperation reference:
                        var referenced = shape.ResolveCall(reference.Method, reference.Instance);
                        if (referenced != null)
                        {
                            yield return referenced;
                        }

                        break;

                    case IPropertyReferenceOperation property when shape.IsMemberOfJob(property.Property):
                        foreach (var accessor in new[] { property.Property.GetMethod, property.Property.SetMethod })
                        {
                            var resolved = accessor == null ? null : shape.ResolveCall(accessor, property.Instance);
                            if (resolved != null)
                            {
                                yield return resolved;
                            }
                        }

                        break;
                }
            }
        }

        /// <summary>Returns the operation trees of a member's source declarations, skipping generated code.</summary>
        private ImmutableArray<MemberBody> BodiesOf(ISymbol member)
        {
            if (bodiesByMember.TryGetValue(member, out var cached))
            {
                return cached;
            }

            var target = member is IMethodSymbol { PartialImplementationPart: { } implementation } ? implementation : member;
            var result = ImmutableArray.CreateBuilder<MemberBody>();
            foreach (var reference in target.DeclaringSyntaxReferences)
            {
                var node = BodyNode(reference.GetSyntax(cancellationToken));
                var model = node == null ? null : ModelFor(node.SyntaxTree);
                var root = model?.GetOperation(node!, cancellationToken);
                if (root != null)
                {
                    result.Add(new MemberBody(target, root));
                }
            }

            cached = result.ToImmutable();
            bodiesByMember[member] = cached;
            return cached;
        }

        /// <summary>Maps a declaration to the node whose operation is the member's body or initializer.</summary>
        private static SyntaxNode? BodyNode(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case BaseMethodDeclarationSyntax method:
                    return method.Body != null || method.ExpressionBody != null ? method : null;
                case AccessorDeclarationSyntax accessor:
                    return accessor.Body != null || accessor.ExpressionBody != null ? accessor : null;
                case ArrowExpressionClauseSyntax arrow:
                    return arrow;
                case VariableDeclaratorSyntax variable:
                    return variable.Initializer;
                case PropertyDeclarationSyntax property:
                    return property.Initializer;
                default:
                    // Primary constructors have no body of their own; their parameters are used by
                    // initializers and members, which are collected separately.
                    return null;
            }
        }

        private SemanticModel? ModelFor(SyntaxTree tree)
        {
            if (models.TryGetValue(tree, out var model))
            {
                return model;
            }

            // A base from another project of the solution (a compilation reference in the IDE)
            // has trees outside this compilation, which has no semantic model for them.
            if (!compilation.ContainsSyntaxTree(tree) || GeneratedCode.IsGenerated(tree, compilation, cancellationToken))
            {
                model = null;
            }
            else
            {
#pragma warning disable RS1030 // The job's bases live in other trees; inside the analyzer driver this returns its cached model.
                model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            }

            models[tree] = model;
            return model;
        }
    }
}
