using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// Everything "in the job": the job class and its bases below HostedServiceBase (partial
    /// declarations, abstract and generic bases, bases in other projects), with the bodies that
    /// run in the execution and those that run when the framework creates the job. Built once
    /// per job and compilation and shared by all rule families.
    /// </summary>
    internal sealed class JobModel
    {
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, JobModel>> Cache =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, JobModel>>();

        private readonly ImmutableHashSet<INamedTypeSymbol> chainDefinitions;

        internal JobModel(
            INamedTypeSymbol job,
            ImmutableArray<INamedTypeSymbol> chain,
            ImmutableArray<IMethodSymbol> executeOverrides,
            ImmutableArray<MemberBody> execution,
            ImmutableArray<MemberBody> construction,
            ImmutableArray<MemberBody> allBodies)
        {
            Job = job;
            Chain = chain;
            ExecuteOverrides = executeOverrides;
            Execution = execution;
            Construction = construction;
            AllBodies = allBodies;
            chainDefinitions = ImmutableHashSet.CreateRange<INamedTypeSymbol>(
                SymbolEqualityComparer.Default,
                System.Linq.Enumerable.Select(chain, type => type.OriginalDefinition));
        }

        public INamedTypeSymbol Job { get; }

        /// <summary>The job class first, then each base below HostedServiceBase.</summary>
        public ImmutableArray<INamedTypeSymbol> Chain { get; }

        /// <summary>
        /// The overrides of ExecuteJob and ExecuteJobAsync that the framework reaches: the most
        /// derived one of each name (a base override still runs when the derived one calls base).
        /// </summary>
        public ImmutableArray<IMethodSymbol> ExecuteOverrides { get; }

        /// <summary>
        /// Bodies that run in the execution: the execute overrides and every method, accessor
        /// and base override of the job that they call, transitively. Lambdas and local
        /// functions are part of the body that declares them.
        /// </summary>
        public ImmutableArray<MemberBody> Execution { get; }

        /// <summary>Bodies that run when the framework creates the job: instance constructors, instance initializers and what they call.</summary>
        public ImmutableArray<MemberBody> Construction { get; }

        /// <summary>Every source body of the job and its bases, static members included.</summary>
        public ImmutableArray<MemberBody> AllBodies { get; }

        public static JobModel For(INamedTypeSymbol job, KnownTypes knownTypes, Compilation compilation, CancellationToken cancellationToken)
        {
            var models = Cache.GetValue(compilation, _ => new ConcurrentDictionary<INamedTypeSymbol, JobModel>(SymbolEqualityComparer.Default));
            if (models.TryGetValue(job, out var model))
            {
                return model;
            }

            model = new JobModelBuilder(job, knownTypes, compilation, cancellationToken).Build();
            return models.GetOrAdd(job, model);
        }

        /// <summary>True when the type (or its generic definition) is the job class or one of its bases below HostedServiceBase.</summary>
        public bool IsInJob(ITypeSymbol? type)
        {
            return type is INamedTypeSymbol named && chainDefinitions.Contains(named.OriginalDefinition);
        }

        /// <summary>True when the member is declared in the job class or one of its bases below HostedServiceBase.</summary>
        public bool IsMemberOfJob(ISymbol? member)
        {
            return member != null && IsInJob(member.ContainingType);
        }

        /// <summary>True when the body runs in the execution.</summary>
        public bool IsExecution(MemberBody body)
        {
            return Execution.Contains(body);
        }

        /// <summary>The execution bodies with each of their operations.</summary>
        public IEnumerable<(MemberBody Body, IOperation Operation)> ExecutionOperations()
        {
            return OperationsOf(Execution);
        }

        /// <summary>The construction bodies with each of their operations.</summary>
        public IEnumerable<(MemberBody Body, IOperation Operation)> ConstructionOperations()
        {
            return OperationsOf(Construction);
        }

        /// <summary>Every body of the job with each of its operations.</summary>
        public IEnumerable<(MemberBody Body, IOperation Operation)> AllOperations()
        {
            return OperationsOf(AllBodies);
        }

        private static IEnumerable<(MemberBody Body, IOperation Operation)> OperationsOf(ImmutableArray<MemberBody> bodies)
        {
            foreach (var body in bodies)
            {
                foreach (var operation in body.Operations())
                {
                    yield return (body, operation);
                }
            }
        }

        /// <summary>
        /// Returns the member of the job that a call reaches: the target itself, or for a virtual
        /// call on the job's own instance the most derived override in the job. Null when the
        /// target is not a member of the job (calls into other types are not followed).
        /// </summary>
        public IMethodSymbol? ResolveCall(IMethodSymbol target, IOperation? instance)
        {
            var definition = target.OriginalDefinition;
            if (!IsMemberOfJob(definition) || definition.MethodKind == MethodKind.LocalFunction)
            {
                return null;
            }

            if (!IsVirtualDispatch(definition, instance))
            {
                return definition;
            }

            foreach (var type in Chain)
            {
                foreach (var member in type.OriginalDefinition.GetMembers(definition.Name))
                {
                    if (member is IMethodSymbol candidate && Overrides(candidate, definition))
                    {
                        return candidate;
                    }
                }
            }

            return definition;
        }

        private static bool IsVirtualDispatch(IMethodSymbol method, IOperation? instance)
        {
            if (!(method.IsVirtual || method.IsAbstract || method.IsOverride))
            {
                return false;
            }

            // base.M() calls exactly the base member; this.M() and M() dispatch to the override.
            return !(instance is IInstanceReferenceOperation reference
                && reference.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax);
        }

        private static bool Overrides(IMethodSymbol candidate, IMethodSymbol definition)
        {
            for (IMethodSymbol? current = candidate; current != null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, definition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
