using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs.State
{
    /// <summary>
    /// Finds the references to state that outlives one execution: static fields and
    /// properties, and the job's own instance fields and stored properties.
    /// </summary>
    internal static class StateMembers
    {
        private static readonly HashSet<string> FrameworkAssemblies = new HashSet<string>
        {
            KnownTypes.OqtaneServerAssemblyName,
            KnownTypes.OqtaneSharedAssemblyName,
            "Oqtane.Client",
        };

        /// <summary>
        /// Returns the field, property and parameter references of a body with the symbol each
        /// names, leaving out those inside nameof.
        /// </summary>
        public static IEnumerable<(IOperation Reference, ISymbol Symbol)> References(MemberBody body)
        {
            foreach (var operation in body.Operations())
            {
                ISymbol? symbol;
                switch (operation)
                {
                    case IFieldReferenceOperation field:
                        symbol = field.Field;
                        break;
                    case IPropertyReferenceOperation property:
                        symbol = property.Property;
                        break;
                    case IParameterReferenceOperation parameter:
                        symbol = parameter.Parameter;
                        break;
                    default:
                        continue;
                }

                if (!IsInsideNameOf(operation))
                {
                    yield return (operation, symbol.OriginalDefinition);
                }
            }
        }

        /// <summary>
        /// True for a static field (not const) or static property (not an indexer) declared in
        /// the compilation, in the job, or in a referenced module library. Framework and
        /// third-party assemblies are left out.
        /// </summary>
        public static bool IsStaticState(ISymbol member, JobModel model, Compilation compilation)
        {
            if (!member.IsStatic || !IsFieldOrProperty(member))
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, compilation.Assembly)
                || model.IsMemberOfJob(member)
                || IsModuleLibrary(member.ContainingAssembly);
        }

        /// <summary>
        /// True for an assembly of a module: named with "oqtane" as the framework requires to
        /// load it (the module template names them Owner.Module.Name.Shared.Oqtane), or one that
        /// references Oqtane. The framework's own assemblies are left out.
        /// </summary>
        private static bool IsModuleLibrary(IAssemblySymbol? assembly)
        {
            if (assembly == null || FrameworkAssemblies.Contains(assembly.Name))
            {
                return false;
            }

            if (assembly.Name.IndexOf("oqtane", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            return assembly.Modules.Any(module => module.ReferencedAssemblies.Any(
                referenced => referenced.Name == KnownTypes.OqtaneServerAssemblyName || referenced.Name == KnownTypes.OqtaneSharedAssemblyName));
        }

        /// <summary>True for a field that is neither const nor readonly, or a property with a setter.</summary>
        public static bool IsMutable(ISymbol member)
        {
            switch (member)
            {
                case IFieldSymbol field:
                    return !field.IsConst && !field.IsReadOnly;
                case IPropertySymbol property:
                    return property.SetMethod != null;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True for an instance field or stored property of the job used on the job's own
        /// instance, and for a primary constructor parameter of the job, which the compiler
        /// keeps in a hidden field when a member uses it. A property whose accessors have
        /// bodies is left out: the fields those bodies use are the state, and the accessors
        /// run as part of the execution.
        /// </summary>
        public static bool IsInstanceState(IOperation reference, ISymbol symbol, JobModel model)
        {
            if (reference is IParameterReferenceOperation)
            {
                return IsPrimaryConstructorParameter(symbol, model);
            }

            if (symbol.IsStatic || !IsFieldOrProperty(symbol) || !model.IsMemberOfJob(symbol))
            {
                return false;
            }

            if (!(((IMemberReferenceOperation)reference).Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
            {
                return false;
            }

            // NOTE: a collection changed through such a property ("Items.Add(x)" with
            // "Items => items") is not seen as a write of the field behind it.
            return !(symbol is IPropertySymbol property) || !HasAccessorBodies(property);
        }

        private static bool IsPrimaryConstructorParameter(ISymbol symbol, JobModel model)
        {
            if (!(symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor })
                || !model.IsMemberOfJob(constructor))
            {
                return false;
            }

            return constructor.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is TypeDeclarationSyntax);
        }

        private static bool IsFieldOrProperty(ISymbol member)
        {
            switch (member)
            {
                case IFieldSymbol field:
                    return !field.IsConst;
                case IPropertySymbol property:
                    return !property.IsIndexer;
                default:
                    return false;
            }
        }

        /// <summary>True when the property is declared in source with an expression body or an accessor that has a body.</summary>
        private static bool HasAccessorBodies(IPropertySymbol property)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax() is PropertyDeclarationSyntax declaration))
                {
                    continue;
                }

                if (declaration.ExpressionBody != null)
                {
                    return true;
                }

                var accessors = declaration.AccessorList?.Accessors ?? default;
                if (accessors.Any(accessor => accessor.Body != null || accessor.ExpressionBody != null))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInsideNameOf(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is INameOfOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
