using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Checks how a job gets its services, for rule family R2. It reports a provider captured
    /// outside the execution or kept in a static member (OQJ2004), a service kept in a field or
    /// property (OQJ2005) and a scope created in the execution (OQJ2006).
    /// </summary>
    internal sealed class ServiceProviderUse
    {
        private readonly SymbolAnalysisContext context;
        private readonly AnalysisSession session;
        private readonly ServiceProviderSymbols symbols;
        private readonly JobModel model;
        private readonly HashSet<(ISymbol Body, ISymbol Member)> reportedStaticReads = new HashSet<(ISymbol, ISymbol)>();

        private ServiceProviderUse(SymbolAnalysisContext context, AnalysisSession session, ServiceProviderSymbols symbols, JobModel model)
        {
            this.context = context;
            this.session = session;
            this.symbols = symbols;
            this.model = model;
        }

        public static void Analyze(SymbolAnalysisContext context, AnalysisSession session, ServiceProviderSymbols symbols, INamedTypeSymbol job)
        {
            var model = JobModel.For(job, session.KnownTypes, session.Compilation, context.CancellationToken);
            new ServiceProviderUse(context, session, symbols, model).Run();
        }

        private void Run()
        {
            foreach (var (body, operation) in model.AllOperations())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IMemberReferenceOperation reference:
                        CheckStaticProviderRead(body, reference);
                        break;
                    case IAssignmentOperation assignment when !(assignment is ICompoundAssignmentOperation):
                        CheckStoredValue(body, assignment.Target, assignment.Value, assignment.Syntax.GetLocation());
                        break;
                    case ISymbolInitializerOperation initializer:
                        CheckInitializer(body, initializer);
                        break;
                    case IInvocationOperation invocation when model.IsExecution(body):
                        CheckScopeCreation(body, invocation);
                        break;
                }
            }
        }

        /// <summary>Reports a read of a static provider member, in the job or in any other type such as a ServiceLocator class.</summary>
        /// <remarks>NOTE: a static method that returns a provider, such as Locator.Get(), is not recognised.</remarks>
        private void CheckStaticProviderRead(MemberBody body, IMemberReferenceOperation reference)
        {
            var member = reference.Member;
            if (!member.IsStatic || !(member is IFieldSymbol || member is IPropertySymbol) || !symbols.IsProvider(reference.Type))
            {
                return;
            }

            if (IsAssignmentTarget(reference) || !reportedStaticReads.Add((body.Member, member.OriginalDefinition)))
            {
                return;
            }

            var description = "the static " + Kind(member) + " '" + member.ContainingType.Name + "." + member.Name + "'";
            Report(Descriptors.RootServiceLocator, reference.Syntax.GetLocation(), body, description);
        }

        private void CheckInitializer(MemberBody body, ISymbolInitializerOperation initializer)
        {
            IEnumerable<ISymbol> members = initializer switch
            {
                IFieldInitializerOperation field => field.InitializedFields,
                IPropertyInitializerOperation property => property.InitializedProperties,
                _ => System.Array.Empty<ISymbol>(),
            };

            foreach (var member in members)
            {
                CheckStored(body, member, initializer.Value, initializer.Syntax.GetLocation());
            }
        }

        private void CheckStoredValue(MemberBody body, IOperation target, IOperation value, Location location)
        {
            var member = (target as IMemberReferenceOperation)?.Member;
            if (member is IFieldSymbol || member is IPropertySymbol)
            {
                CheckStored(body, member, value, location);
            }
        }

        /// <summary>
        /// Checks a value stored in a field or property of the job. A provider or scope stored
        /// outside the execution is a root locator (OQJ2004). A service resolved from a provider
        /// or constructed is a cached service (OQJ2005).
        /// </summary>
        private void CheckStored(MemberBody body, ISymbol member, IOperation value, Location location)
        {
            if (!model.IsMemberOfJob(member))
            {
                return;
            }

            var stored = StoredValue.Unwrap(value);
            var memberType = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
            var description = "the " + Kind(member) + " '" + member.Name + "'";
            if (symbols.IsProviderOrScope(memberType) || symbols.IsProviderOrScope(stored.Type))
            {
                if (!member.IsStatic && !model.IsExecution(body) && !IsConstructorParameter(stored))
                {
                    Report(Descriptors.RootServiceLocator, location, body, description + ", set outside the execution");
                }

                return;
            }

            var source = LocalInitializer(body, stored) ?? stored;
            if (symbols.IsResolvedServiceValue(source) || IsConstructedService(source))
            {
                Report(Descriptors.CachedService, location, body, member.Name);
            }
        }

        private void CheckScopeCreation(MemberBody body, IInvocationOperation invocation)
        {
            if (!symbols.IsScopeCreation(invocation.TargetMethod))
            {
                return;
            }

            // An extension method names its receiver in the first parameter.
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var receiver = method.IsStatic ? method.Parameters[0].Type.Name : method.ContainingType.Name;

            Report(Descriptors.ScopeCreatedInExecution, invocation.Syntax.GetLocation(), body, receiver + "." + method.Name + "()");
        }

        /// <summary>
        /// Returns the value that declares a local variable of the same body, in a declaration
        /// or in an "is" pattern, so that "var sites = provider.GetRequiredService...; _sites = sites;"
        /// is seen as a resolution.
        /// </summary>
        private static IOperation? LocalInitializer(MemberBody body, IOperation value)
        {
            if (!(value is ILocalReferenceOperation reference))
            {
                return null;
            }

            foreach (var operation in body.Root.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local)
                    && declarator.Initializer != null)
                {
                    return StoredValue.Unwrap(declarator.Initializer.Value);
                }

                if (operation is IIsPatternOperation { Pattern: IDeclarationPatternOperation pattern } isPattern
                    && SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, reference.Local))
                {
                    return StoredValue.Unwrap(isPattern.Value);
                }
            }

            return null;
        }

        /// <summary>
        /// True for an object creation that builds a service rather than a value: a DbContext,
        /// an implementation of an Oqtane repository or infrastructure interface, or any type
        /// built from a provider or from a service resolved from one. A list, a string builder or
        /// a module's model class is not a service and is left to the tenant-safety rules.
        /// </summary>
        private bool IsConstructedService(IOperation value)
        {
            if (!(value is IObjectCreationOperation creation) || creation.Type == null)
            {
                return false;
            }

            if (IsDbContext(creation.Type) || ImplementsOqtaneService(creation.Type))
            {
                return true;
            }

            foreach (var argument in creation.Arguments)
            {
                var argumentValue = StoredValue.Unwrap(argument.Value);
                if (symbols.IsProviderOrScope(argumentValue.Type) || symbols.IsResolvedServiceValue(argumentValue))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsDbContext(ITypeSymbol type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, session.KnownTypes.DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ImplementsOqtaneService(ITypeSymbol type)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                var namespaceName = implemented.ContainingNamespace?.ToDisplayString();
                if (SymbolEqualityComparer.Default.Equals(implemented.ContainingAssembly, session.KnownTypes.OqtaneServer)
                    && (namespaceName == "Oqtane.Repository" || namespaceName == "Oqtane.Infrastructure"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A constructor parameter is reported where it is declared, so storing it in a field is not reported again.</summary>
        private static bool IsConstructorParameter(IOperation value)
        {
            return value is IParameterReferenceOperation reference
                && reference.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor };
        }

        private static bool IsAssignmentTarget(IOperation reference)
        {
            return reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;
        }

        private static string Kind(ISymbol member)
        {
            return member is IFieldSymbol ? "field" : "property";
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, MemberBody body, string description)
        {
            var job = model.Job;
            context.ReportDiagnostic(session.CreateDiagnostic(
                descriptor, location, job, body.Member, AnalysisSession.DisplayName(job), description));
        }
    }
}
