using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// The operation tree of one member of the job that is compiled from source: a method,
    /// constructor or accessor body, or a field or property initializer.
    /// </summary>
    internal sealed class MemberBody
    {
        private ImmutableArray<IOperation> operations;

        public MemberBody(ISymbol member, IOperation root)
        {
            Member = member;
            Root = root;
        }

        /// <summary>The method, constructor, accessor, field or property that owns the body.</summary>
        public ISymbol Member { get; }

        /// <summary>The body's root operation; parents are reachable through <see cref="IOperation.Parent"/>.</summary>
        public IOperation Root { get; }

        /// <summary>Every operation of the body, lambdas and local functions included, root first.</summary>
        /// <remarks>Collected once, on first use, because every rule family walks the same bodies.</remarks>
        public ImmutableArray<IOperation> Operations()
        {
            if (operations.IsDefault)
            {
                var builder = ImmutableArray.CreateBuilder<IOperation>();
                builder.Add(Root);
                builder.AddRange(Root.Descendants());
                ImmutableInterlocked.InterlockedInitialize(ref operations, builder.ToImmutable());
            }

            return operations;
        }
    }
}
