using System.Collections.Generic;
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
        public MemberBody(ISymbol member, IOperation root)
        {
            Member = member;
            Root = root;
        }

        /// <summary>The method, constructor, accessor, field or property that owns the body.</summary>
        public ISymbol Member { get; }

        /// <summary>The body's root operation; parents are reachable through <see cref="IOperation.Parent"/>.</summary>
        public IOperation Root { get; }

        /// <summary>Every operation of the body, lambdas and local functions included.</summary>
        public IEnumerable<IOperation> Operations()
        {
            yield return Root;
            foreach (var operation in Root.Descendants())
            {
                yield return operation;
            }
        }
    }
}
