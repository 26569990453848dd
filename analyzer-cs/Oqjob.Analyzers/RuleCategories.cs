namespace Oqjob.Analyzers
{
    /// <summary>Diagnostic categories, one per rule family.</summary>
    public static class RuleCategories
    {
        public const string JobTypeAndPlacement = "Oqtane.JobTypeAndPlacement";
        public const string ConstructorAndScope = "Oqtane.ConstructorAndScope";
        public const string Execution = "Oqtane.Execution";
    }
}
