using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// One assignment to a metadata property of HostedServiceBase on the job's own instance
    /// (<c>Frequency = ...</c>, <c>this.Frequency</c>, <c>base.Frequency</c>, compound
    /// assignments and deconstruction), found in a body of the job.
    /// </summary>
    internal sealed class MetadataAssignment
    {
        private MetadataAssignment(MemberBody body, IOperation assignment, IPropertySymbol property, IOperation? value)
        {
            Body = body;
            Assignment = assignment;
            Property = property;
            Value = value;
        }

        public MemberBody Body { get; }

        /// <summary>The assignment (or deconstruction) operation that writes the property.</summary>
        public IOperation Assignment { get; }

        public IPropertySymbol Property { get; }

        /// <summary>The assigned value; null for a compound assignment or a deconstruction of a non-tuple value.</summary>
        public IOperation? Value { get; }

        /// <summary>Returns every metadata assignment in the job's source bodies.</summary>
        public static List<MetadataAssignment> FindAll(JobModel model, MetadataSymbols symbols)
        {
            var result = new List<MetadataAssignment>();
            foreach (var (body, operation) in model.AllOperations())
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation simple:
                        Add(result, body, simple, simple.Target, simple.Value, symbols);
                        break;

                    case ICompoundAssignmentOperation compound:
                        Add(result, body, compound, compound.Target, null, symbols);
                        break;

                    case ICoalesceAssignmentOperation coalesce:
                        Add(result, body, coalesce, coalesce.Target, null, symbols);
                        break;

                    case IDeconstructionAssignmentOperation deconstruction:
                        AddDeconstruction(result, body, deconstruction, deconstruction.Target, deconstruction.Value, symbols);
                        break;
                }
            }

            return result;
        }

        /// <summary>
        /// Returns the metadata assignments of an object initializer that creates a job. They
        /// write another instance than the one the framework reads.
        /// </summary>
        public static List<MetadataAssignment> FindInInitializer(IObjectCreationOperation creation, MemberBody body, MetadataSymbols symbols)
        {
            var result = new List<MetadataAssignment>();
            foreach (var initializer in creation.Initializer!.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } simple
                    && target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                {
                    var property = symbols.MetadataProperty(target);
                    if (property != null)
                    {
                        result.Add(new MetadataAssignment(body, simple, property, simple.Value));
                    }
                }
            }

            return result;
        }

        /// <summary>Returns the operation without its implicit conversions (DateTime to DateTime?) and parentheses.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion when conversion.IsImplicit:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }

        private static void Add(List<MetadataAssignment> result, MemberBody body, IOperation assignment, IOperation target, IOperation? value, MetadataSymbols symbols)
        {
            var property = OwnMetadataProperty(target, symbols);
            if (property != null)
            {
                result.Add(new MetadataAssignment(body, assignment, property, value));
            }
        }

        // (Name, Frequency) = ("Cleanup", "H") pairs each target with its element; any other
        // value (a method returning a tuple) leaves the value unknown.
        private static void AddDeconstruction(List<MetadataAssignment> result, MemberBody body, IOperation assignment, IOperation target, IOperation? value, MetadataSymbols symbols)
        {
            if (!(target is ITupleOperation targets))
            {
                Add(result, body, assignment, target, value, symbols);
                return;
            }

            var values = value == null ? null : Unwrap(value) as ITupleOperation;
            for (var i = 0; i < targets.Elements.Length; i++)
            {
                var element = values != null && values.Elements.Length == targets.Elements.Length ? values.Elements[i] : null;
                AddDeconstruction(result, body, assignment, targets.Elements[i], element, symbols);
            }
        }

        // Only the job's own instance counts: an object initializer's implicit receiver or
        // another job's property is a different instance.
        private static IPropertySymbol? OwnMetadataProperty(IOperation target, MetadataSymbols symbols)
        {
            if (!(target is IPropertyReferenceOperation reference))
            {
                return null;
            }

            if (!(reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
            {
                return null;
            }

            return symbols.MetadataProperty(reference);
        }
    }
}
