namespace Oqjob.Analyzers
{
    /// <summary>Diagnostic categories, one per rule family; they are what [SuppressMessage] names.</summary>
    public static class RuleCategories
    {
        public const string JobTypeAndPlacement = "Oqtane.JobTypeAndPlacement";
        public const string ConstructorAndScope = "Oqtane.ConstructorAndScope";
        public const string Metadata = "Oqtane.Metadata";
        public const string Execution = "Oqtane.Execution";
        public const string TenantSafety = "Oqtane.TenantSafety";
        public const string ErrorsAndOutput = "Oqtane.ErrorsAndOutput";
        public const string Idempotency = "Oqtane.Idempotency";
        public const string FrameworkLifecycle = "Oqtane.FrameworkLifecycle";
    }
}
