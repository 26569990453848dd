using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;
using Oqjob.Analyzers.Reporting;

namespace Oqjob.Analyzers.Rules
{
    /// <summary>
    /// Rule family R8, framework-owned lifecycle. It reports module code that touches job
    /// persistence (OQJ8001) or registers a job by hand (OQJ8002, OQJ8003), and jobs that
    /// use their own locking (OQJ8004).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FrameworkLifecycleAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.JobPersistenceTouched,
            Descriptors.ManualHostedServiceRegistration,
            Descriptors.RedundantJobRegistration,
            Descriptors.OwnLocking);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var session = AnalysisSession.Create(context.Compilation, context.Options);

            // The framework's own assemblies own the job lifecycle, so only modules are checked.
            var assemblyName = context.Compilation.AssemblyName;
            if (!session.KnownTypes.IsModuleAssembly
                || assemblyName == KnownTypes.OqtaneServerAssemblyName
                || assemblyName == KnownTypes.OqtaneSharedAssemblyName)
            {
                return;
            }

            var symbols = FrameworkLifecycleSymbols.Create(context.Compilation, session.KnownTypes);
            var providerSymbols = ServiceProviderSymbols.Create(context.Compilation, session.KnownTypes);
            context.RegisterOperationAction(
                operationContext => AnalyzeInvocation(operationContext, session, symbols, providerSymbols),
                OperationKind.Invocation);
            context.RegisterOperationAction(
                operationContext => AnalyzeDescriptorCreation(operationContext, session, symbols),
                OperationKind.ObjectCreation);
            context.RegisterOperationAction(
                operationContext => AnalyzePropertyWrite(operationContext, session, symbols),
                OperationKind.PropertyReference);
            context.RegisterSymbolAction(
                symbolContext => AnalyzeParameters(symbolContext, session, symbols),
                SymbolKind.Method);
            if (session.KnownTypes.HostedServiceBase != null)
            {
                context.RegisterSymbolAction(symbolContext => AnalyzeJobLocking(symbolContext, session, symbols), SymbolKind.NamedType);
            }
        }

        private static void AnalyzeInvocation(
            OperationAnalysisContext context,
            AnalysisSession session,
            FrameworkLifecycleSymbols symbols,
            ServiceProviderSymbols providerSymbols)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var persistence = DescribePersistenceCall(invocation, session, symbols, providerSymbols);
            if (persistence != null)
            {
                ReportPersistence(context, session, invocation.Syntax.GetLocation(), persistence);
                return;
            }

            var registration = ServiceRegistration.FromInvocation(invocation, symbols, session.KnownTypes);
            if (registration != null)
            {
                ReportRegistration(context, session, invocation.Syntax.GetLocation(), registration);
            }
        }

        private static void AnalyzeDescriptorCreation(OperationAnalysisContext context, AnalysisSession session, FrameworkLifecycleSymbols symbols)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var registration = ServiceRegistration.FromCreation(creation, symbols, session.KnownTypes);
            if (registration != null)
            {
                ReportRegistration(context, session, creation.Syntax.GetLocation(), registration);
            }
        }

        /// <summary>
        /// Describes a call that touches job persistence: a member of IJobRepository or
        /// IJobLogRepository, the resolution of either from a provider, or StartAsync or
        /// StopAsync called on a job. Returns null for any other call.
        /// </summary>
        private static string? DescribePersistenceCall(
            IInvocationOperation invocation,
            AnalysisSession session,
            FrameworkLifecycleSymbols symbols,
            ServiceProviderSymbols providerSymbols)
        {
            var method = invocation.TargetMethod;
            if (FrameworkLifecycleSymbols.Contains(symbols.JobRepositories, method.ContainingType))
            {
                return method.ContainingType.Name + "." + method.Name + "()";
            }

            if (providerSymbols.IsResolution(method))
            {
                foreach (var type in ResolvedTypes(invocation))
                {
                    if (FrameworkLifecycleSymbols.Contains(symbols.JobRepositories, type))
                    {
                        return type.Name + ", resolved with " + method.Name;
                    }
                }
            }

            if ((method.Name == "StartAsync" || method.Name == "StopAsync") && IsJobInstance(invocation.Instance?.Type, session.KnownTypes))
            {
                return method.Name + " on a job";
            }

            return null;
        }

        /// <summary>Returns the service types that a resolution names, as type arguments or typeof arguments.</summary>
        private static IEnumerable<ITypeSymbol> ResolvedTypes(IInvocationOperation invocation)
        {
            foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
            {
                yield return typeArgument;
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value is IConversionOperation conversion ? conversion.Operand : argument.Value;
                if (value is ITypeOfOperation typeOf)
                {
                    yield return typeOf.TypeOperand;
                }
            }
        }

        /// <summary>True for HostedServiceBase and every class derived from it.</summary>
        private static bool IsJobInstance(ITypeSymbol? type, KnownTypes knownTypes)
        {
            if (!(type is INamedTypeSymbol named))
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, knownTypes.HostedServiceBase)
                || JobClassifier.InheritsHostedServiceBase(named, knownTypes);
        }

        private static void AnalyzePropertyWrite(OperationAnalysisContext context, AnalysisSession session, FrameworkLifecycleSymbols symbols)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var property = reference.Property;
            if (!FrameworkLifecycleSymbols.Contains(symbols.JobModels, property.ContainingType) || !IsWritten(reference))
            {
                return;
            }

            ReportPersistence(context, session, reference.Syntax.GetLocation(), "a write to " + property.ContainingType.Name + "." + property.Name);
        }

        /// <summary>True when the reference is the target of an assignment, compound assignment, ??= or increment.</summary>
        private static bool IsWritten(IOperation reference)
        {
            switch (reference.Parent)
            {
                case IAssignmentOperation assignment:
                    return assignment.Target == reference;
                case IIncrementOrDecrementOperation _:
                    return true;
                default:
                    return false;
            }
        }

        private static void AnalyzeParameters(SymbolAnalysisContext context, AnalysisSession session, FrameworkLifecycleSymbols symbols)
        {
            var method = (IMethodSymbol)context.Symbol;
            var containingType = method.ContainingType;
            if (containingType == null || method.IsImplicitlyDeclared && method.MethodKind != MethodKind.Constructor)
            {
                return;
            }

            foreach (var parameter in method.Parameters)
            {
                if (!FrameworkLifecycleSymbols.Contains(symbols.JobRepositories, parameter.Type) || parameter.Locations.IsEmpty)
                {
                    continue;
                }

                var syntax = parameter.DeclaringSyntaxReferences.Length > 0
                    ? parameter.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) as ParameterSyntax
                    : null;
                var location = syntax?.Type?.GetLocation() ?? parameter.Locations[0];
                var description = "the parameter '" + parameter.Name + "' of type " + parameter.Type.Name;
                context.ReportDiagnostic(session.CreateDiagnostic(
                    Descriptors.JobPersistenceTouched, location, containingType, method,
                    AnalysisSession.DisplayName(containingType), description));
            }
        }

        private static void ReportPersistence(OperationAnalysisContext context, AnalysisSession session, Location location, string description)
        {
            var member = context.ContainingSymbol;
            var containingType = member as INamedTypeSymbol ?? member.ContainingType;
            if (containingType == null)
            {
                return;
            }

            context.ReportDiagnostic(session.CreateDiagnostic(
                Descriptors.JobPersistenceTouched, location, containingType, member,
                AnalysisSession.DisplayName(containingType), description));
        }

        private static void ReportRegistration(OperationAnalysisContext context, AnalysisSession session, Location location, ServiceRegistration registration)
        {
            var member = context.ContainingSymbol;
            var containingType = member as INamedTypeSymbol ?? member.ContainingType;
            if (containingType == null)
            {
                return;
            }

            var registrant = AnalysisSession.DisplayName(containingType);
            var jobName = AnalysisSession.DisplayName(registration.Job);
            var asHostedService = SymbolEqualityComparer.Default.Equals(registration.ServiceType?.OriginalDefinition, session.KnownTypes.IHostedService);
            Diagnostic diagnostic;
            if (registration.IsAddHostedService)
            {
                diagnostic = session.CreateDiagnostic(
                    Descriptors.RedundantJobRegistration, location, containingType, member,
                    registrant, jobName, registration.Call, AddHostedServiceEffect(registration.Job, context.Compilation));
            }
            else if (asHostedService)
            {
                diagnostic = session.CreateDiagnostic(
                    Descriptors.ManualHostedServiceRegistration, location, containingType, member,
                    registrant, jobName, registration.Call);
            }
            else if (SymbolEqualityComparer.Default.Equals(registration.ServiceType, registration.Job))
            {
                diagnostic = session.CreateDiagnostic(
                    Descriptors.RedundantJobRegistration, location, containingType, member,
                    registrant, jobName, registration.Call,
                    "which registers the job class as a service, so the framework skips it and the job never runs");
            }
            else
            {
                return;
            }

            context.ReportDiagnostic(diagnostic);
        }

        private static string AddHostedServiceEffect(INamedTypeSymbol job, Compilation compilation)
        {
            return SymbolEqualityComparer.Default.Equals(job.ContainingAssembly, compilation.Assembly)
                ? "which is redundant because the framework registers every job of this assembly"
                : "which adds a second instance next to the one the framework registers from the job's own assembly";
        }

        private static void AnalyzeJobLocking(SymbolAnalysisContext context, AnalysisSession session, FrameworkLifecycleSymbols symbols)
        {
            var job = (INamedTypeSymbol)context.Symbol;
            if (!JobClassifier.IsJob(job, session.KnownTypes))
            {
                return;
            }

            // One finding per member and kind of lock, because a semaphore that is created,
            // awaited and released in one method is one decision to fix, not three.
            var model = JobModel.For(job, session.KnownTypes, session.Compilation, context.CancellationToken);
            var reported = new HashSet<(ISymbol Member, string Lock)>();
            foreach (var (body, operation) in model.AllOperations())
            {
                var lockName = DescribeLock(operation, symbols);
                if (lockName == null || !reported.Add((body.Member, lockName)))
                {
                    continue;
                }

                context.ReportDiagnostic(session.CreateDiagnostic(
                    Descriptors.OwnLocking, LockLocation(operation.Syntax), job, body.Member,
                    AnalysisSession.DisplayName(job), lockName));
            }
        }

        /// <summary>Returns the location of "lock (x)" for a lock statement, so the finding does not cover its whole block.</summary>
        private static Location LockLocation(SyntaxNode syntax)
        {
            if (syntax is LockStatementSyntax statement)
            {
                var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(statement.LockKeyword.SpanStart, statement.CloseParenToken.Span.End);
                return Location.Create(statement.SyntaxTree, span);
            }

            return syntax.GetLocation();
        }

        private static string? DescribeLock(IOperation operation, FrameworkLifecycleSymbols symbols)
        {
            ITypeSymbol? type;
            switch (operation)
            {
                case ILockOperation _:
                    return "a lock statement";
                case IInvocationOperation invocation:
                    type = invocation.TargetMethod.ContainingType;
                    break;
                case IObjectCreationOperation creation:
                    type = creation.Type;
                    break;
                default:
                    return null;
            }

            return FrameworkLifecycleSymbols.Contains(symbols.LockTypes, type) ? type!.ToDisplayString() : null;
        }
    }
}
