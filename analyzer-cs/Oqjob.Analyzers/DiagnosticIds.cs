namespace Oqjob.Analyzers
{
    /// <summary>
    /// The registry of oqjob's diagnostic IDs. The first digit is the rule family
    /// (1 job type and placement, 2 constructor and scope, 4 execution); an ID is never
    /// reused once released, even if its rule is retired.
    /// </summary>
    public static class DiagnosticIds
    {
        public const string UnmanagedSchedulingHostedService = "OQJ1001";
        public const string UnmanagedHostedService = "OQJ1002";
        public const string SchedulingLibraryOrTimer = "OQJ1003";

        public const string ConstructorShape = "OQJ2001";
        public const string ScopedConstructorDependency = "OQJ2002";
        public const string ConstructorDependency = "OQJ2003";

        public const string MissingExecuteOverride = "OQJ4001";
    }
}
