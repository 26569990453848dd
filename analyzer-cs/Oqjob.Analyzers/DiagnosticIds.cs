namespace Oqjob.Analyzers
{
    /// <summary>
    /// The registry of oqjob's diagnostic IDs. The first digit is the rule family (1 job type
    /// and placement, 2 constructor and scope, 3 metadata, 4 execution, 5 tenant safety,
    /// 6 errors and output, 7 idempotency, 8 framework-owned lifecycle). A released ID is never
    /// reused, even if its rule is retired.
    /// </summary>
    public static class DiagnosticIds
    {
        public const string UnmanagedSchedulingHostedService = "OQJ1001";
        public const string UnmanagedHostedService = "OQJ1002";
        public const string SchedulingLibraryOrTimer = "OQJ1003";
        public const string JobOutsideOqtaneAssembly = "OQJ1004";
        public const string UnregistrableJob = "OQJ1005";

        public const string ConstructorShape = "OQJ2001";
        public const string ScopedConstructorDependency = "OQJ2002";
        public const string ConstructorDependency = "OQJ2003";
        public const string RootServiceLocator = "OQJ2004";
        public const string CachedService = "OQJ2005";
        public const string ScopeCreatedInExecution = "OQJ2006";

        public const string RedeclaredMetadata = "OQJ3001";
        public const string InvalidFrequency = "OQJ3002";
        public const string ImpossibleMetadataValue = "OQJ3003";
        public const string MetadataOutsideConstructor = "OQJ3004";
        public const string LocalTimeSchedule = "OQJ3005";
        public const string DefaultMetadata = "OQJ3006";
        public const string SelfManagedTiming = "OQJ3007";

        public const string MissingExecuteOverride = "OQJ4001";
        public const string BothExecuteOverrides = "OQJ4002";
        public const string LifecycleTakeover = "OQJ4003";
        public const string BackgroundWork = "OQJ4004";
        public const string EndlessLoop = "OQJ4005";
        public const string DelayInExecution = "OQJ4006";
        public const string BlockingOnAsync = "OQJ4007";
        public const string ConstructorWork = "OQJ4008";

        public const string CrossTenantSwitching = "OQJ5001";
        public const string MutableStaticState = "OQJ5002";
        public const string InstanceStateWritten = "OQJ5003";
        public const string InstallationWideRead = "OQJ5004";

        public const string UnguardedWork = "OQJ6001";
        public const string ExceptionThrownOut = "OQJ6002";
        public const string SwallowedException = "OQJ6003";
        public const string CustomLogging = "OQJ6004";
        public const string DiscardedOutput = "OQJ6005";

        public const string DependsOnEarlierExecution = "OQJ7001";

        public const string JobPersistenceTouched = "OQJ8001";
        public const string ManualHostedServiceRegistration = "OQJ8002";
        public const string RedundantJobRegistration = "OQJ8003";
        public const string OwnLocking = "OQJ8004";
    }
}
