using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs.State
{
    /// <summary>
    /// How one reference to a field or property uses the state it names: whether it reads the
    /// value, writes it, or both. Shared by the tenant-safety and idempotency rules.
    /// </summary>
    internal readonly struct StateAccess
    {
        private StateAccess(bool reads, bool writes)
        {
            Reads = reads;
            Writes = writes;
        }

        /// <summary>True when the value held before this point can change what the code does.</summary>
        public bool Reads { get; }

        /// <summary>True when the reference assigns the member, passes it by ref or out, or mutates the struct or collection it holds.</summary>
        public bool Writes { get; }

        /// <summary>
        /// Classifies a field, property or parameter reference. A write through a struct member, an
        /// indexer or array element, or a mutating collection method counts as a write of the
        /// member the chain starts at. A compound assignment or increment whose result is
        /// discarded only writes; one whose result is used also reads.
        /// </summary>
        public static StateAccess Of(IOperation reference)
        {
            var outermost = OutermostWrittenThrough(reference);
            var parent = outermost.Parent;
            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == outermost:
                    return new StateAccess(reads: false, writes: true);

                case ICoalesceAssignmentOperation coalesce when coalesce.Target == outermost:
                    // "??=" decides on the value an earlier statement or run left behind.
                    return new StateAccess(reads: true, writes: true);

                case ICompoundAssignmentOperation compound when compound.Target == outermost:
                    return new StateAccess(reads: IsValueUsed(compound), writes: true);

                case IIncrementOrDecrementOperation increment:
                    return new StateAccess(reads: IsValueUsed(increment), writes: true);

                case IArgumentOperation argument when argument.Parameter?.RefKind == RefKind.Out:
                    return new StateAccess(reads: false, writes: true);

                case IArgumentOperation argument when argument.Parameter?.RefKind == RefKind.Ref:
                    return new StateAccess(reads: argument.Parent != null && IsValueUsed(argument.Parent), writes: true);

                case ITupleOperation tuple when IsDeconstructionTarget(tuple):
                    return new StateAccess(reads: false, writes: true);
            }

            var invocation = InvocationOnReceiver(outermost);
            if (invocation != null && CollectionMutations.IsMutator(invocation.TargetMethod, outermost.Type))
            {
                return new StateAccess(reads: IsValueUsed(invocation), writes: true);
            }

            return new StateAccess(reads: true, writes: false);
        }

        /// <summary>
        /// Walks from the reference up through the expressions that write the same storage:
        /// a member of a struct held in it, an indexer of a collection held in it, an element
        /// of an array held in it.
        /// </summary>
        private static IOperation OutermostWrittenThrough(IOperation reference)
        {
            var current = reference;
            while (true)
            {
                switch (current.Parent)
                {
                    case IArrayElementReferenceOperation element when element.ArrayReference == current:
                        current = element;
                        continue;

                    case IPropertyReferenceOperation indexer when indexer.Instance == current
                        && indexer.Property.IsIndexer
                        && CollectionMutations.IsCollection(current.Type):
                        current = indexer;
                        continue;

                    case IMemberReferenceOperation member when member.Instance == current
                        && current.Type?.IsValueType == true
                        && (member is IFieldReferenceOperation || member is IPropertyReferenceOperation):
                        current = member;
                        continue;

                    default:
                        return current;
                }
            }
        }

        /// <summary>Returns the invocation that takes the value as its receiver, as instance or as the first argument of an extension method.</summary>
        private static IInvocationOperation? InvocationOnReceiver(IOperation value)
        {
            if (value.Parent is IInvocationOperation instanceCall && instanceCall.Instance == value)
            {
                return instanceCall;
            }

            var current = value;
            while (current.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                current = conversion;
            }

            if (current.Parent is IArgumentOperation { Parameter: { Ordinal: 0 } } argument
                && argument.Parent is IInvocationOperation extensionCall
                && extensionCall.TargetMethod.IsExtensionMethod)
            {
                return extensionCall;
            }

            return null;
        }

        private static bool IsDeconstructionTarget(ITupleOperation tuple)
        {
            IOperation current = tuple;
            while (current.Parent is ITupleOperation outer)
            {
                current = outer;
            }

            return current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current;
        }

        /// <summary>True unless the expression is a statement of its own, so that its value is discarded.</summary>
        private static bool IsValueUsed(IOperation expression)
        {
            if (expression is IInvocationOperation invocation && invocation.TargetMethod.ReturnsVoid)
            {
                return false;
            }

            return !(expression.Parent is IExpressionStatementOperation);
        }
    }
}
