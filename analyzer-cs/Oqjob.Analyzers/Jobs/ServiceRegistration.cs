using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// One service registration read from a call or a ServiceDescriptor creation: the service
    /// type, the job it registers (when the job type can be seen) and how the call is written.
    /// </summary>
    internal sealed class ServiceRegistration
    {
        private static readonly HashSet<string> CollectionMethods = new HashSet<string>
        {
            "AddSingleton", "AddScoped", "AddTransient",
            "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient",
            "TryAddSingleton", "TryAddScoped", "TryAddTransient",
        };

        private static readonly HashSet<string> DescriptorFactories = new HashSet<string>
        {
            "Singleton", "Scoped", "Transient", "Describe",
            "KeyedSingleton", "KeyedScoped", "KeyedTransient", "DescribeKeyed",
        };

        private ServiceRegistration(ITypeSymbol? serviceType, INamedTypeSymbol job, string call, bool isHostedServiceCall)
        {
            ServiceType = serviceType;
            Job = job;
            Call = call;
            IsAddHostedService = isHostedServiceCall;
        }

        /// <summary>The registered service type, or null when the call does not name one.</summary>
        public ITypeSymbol? ServiceType { get; }

        /// <summary>The job that the registration creates.</summary>
        public INamedTypeSymbol Job { get; }

        /// <summary>The call as it reads in a message, such as "AddSingleton&lt;IHostedService, ReminderJob&gt;()".</summary>
        public string Call { get; }

        /// <summary>True for AddHostedService, which always registers the type as IHostedService.</summary>
        public bool IsAddHostedService { get; }

        /// <summary>Returns the job registration made by the call, or null when it registers no job.</summary>
        public static ServiceRegistration? FromInvocation(IInvocationOperation invocation, FrameworkLifecycleSymbols symbols, KnownTypes knownTypes)
        {
            var method = invocation.TargetMethod;
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            var containingType = definition.ContainingType;
            var isHostedServiceCall = definition.Name == "AddHostedService"
                && SymbolEqualityComparer.Default.Equals(containingType, symbols.HostedServiceExtensions);
            var isCollectionCall = CollectionMethods.Contains(definition.Name)
                && (SymbolEqualityComparer.Default.Equals(containingType, symbols.ServiceCollectionExtensions)
                    || SymbolEqualityComparer.Default.Equals(containingType, symbols.DescriptorExtensions));
            var isDescriptorFactory = DescriptorFactories.Contains(definition.Name)
                && SymbolEqualityComparer.Default.Equals(containingType, symbols.ServiceDescriptor);
            if (!isHostedServiceCall && !isCollectionCall && !isDescriptorFactory)
            {
                return null;
            }

            var prefix = isDescriptorFactory ? "ServiceDescriptor." : "";
            var call = prefix + definition.Name + TypeArgumentList(method) + "()";
            return Create(method.TypeArguments, invocation.Arguments, call, isHostedServiceCall, knownTypes);
        }

        /// <summary>Returns the job registration made by new ServiceDescriptor(...), or null.</summary>
        public static ServiceRegistration? FromCreation(IObjectCreationOperation creation, FrameworkLifecycleSymbols symbols, KnownTypes knownTypes)
        {
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, symbols.ServiceDescriptor))
            {
                return null;
            }

            return Create(ImmutableArray<ITypeSymbol>.Empty, creation.Arguments, "new ServiceDescriptor(...)", false, knownTypes);
        }

        /// <summary>
        /// Reads the service type from the first type argument or typeof argument, and the job
        /// from any later type argument, typeof argument, instance argument or value returned by
        /// a factory lambda. A single type argument is both service and implementation.
        /// </summary>
        private static ServiceRegistration? Create(
            ImmutableArray<ITypeSymbol> typeArguments,
            ImmutableArray<IArgumentOperation> arguments,
            string call,
            bool isHostedServiceCall,
            KnownTypes knownTypes)
        {
            var typeOfArguments = arguments
                .Select(argument => Unwrap(argument.Value))
                .OfType<ITypeOfOperation>()
                .Select(typeOf => typeOf.TypeOperand)
                .ToList();
            var serviceType = typeArguments.Length > 0 ? typeArguments[0] : typeOfArguments.FirstOrDefault();

            var candidates = new List<ITypeSymbol?>();
            candidates.AddRange(typeArguments);
            candidates.AddRange(typeOfArguments);
            foreach (var argument in arguments)
            {
                candidates.Add(Unwrap(argument.Value).Type);
                candidates.AddRange(ReturnedTypes(argument.Value));
            }

            var job = candidates
                .OfType<INamedTypeSymbol>()
                .FirstOrDefault(type => JobClassifier.IsJob(type, knownTypes));
            return job == null ? null : new ServiceRegistration(serviceType, job, call, isHostedServiceCall);
        }

        /// <summary>Returns the types of the values that a factory lambda returns.</summary>
        /// <remarks>NOTE: a method group passed as the factory is not followed, so its job type stays unseen.</remarks>
        private static IEnumerable<ITypeSymbol?> ReturnedTypes(IOperation value)
        {
            if (!(Unwrap(value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }))
            {
                return Enumerable.Empty<ITypeSymbol?>();
            }

            return lambda.Body.Descendants()
                .OfType<IReturnOperation>()
                .Where(returned => returned.ReturnedValue != null)
                .Select(returned => Unwrap(returned.ReturnedValue!).Type);
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        private static string TypeArgumentList(IMethodSymbol method)
        {
            if (method.TypeArguments.Length == 0)
            {
                return "";
            }

            return "<" + string.Join(", ", method.TypeArguments.Select(type => type.Name)) + ">";
        }
    }
}
