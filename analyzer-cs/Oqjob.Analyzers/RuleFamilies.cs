namespace Oqjob.Analyzers
{
    /// <summary>
    /// The rule families of the catalog. The first digit of an ID selects the family, so the
    /// family of a rule follows from its ID and cannot drift from it.
    /// </summary>
    public static class RuleFamilies
    {
        private static readonly string[] Names =
        {
            "job type and placement",
            "constructor and scope",
            "metadata",
            "execution",
            "tenant safety",
            "errors and output",
            "idempotency",
            "framework-owned lifecycle",
        };

        /// <summary>Returns the family label of an ID, such as "R3 metadata" for OQJ3002.</summary>
        public static string Label(string id)
        {
            var number = Number(id);
            return "R" + number + " " + Names[number - 1];
        }

        /// <summary>Returns the family number (1 to 8) of an ID of the form OQJ#nnn.</summary>
        public static int Number(string id)
        {
            if (id == null || id.Length != 7 || !id.StartsWith("OQJ", System.StringComparison.Ordinal))
            {
                throw new System.ArgumentException("'" + id + "' is not an oqjob diagnostic ID of the form OQJ####.", nameof(id));
            }

            var number = id[3] - '0';
            if (number < 1 || number > Names.Length)
            {
                throw new System.ArgumentException("'" + id + "' names no rule family: the first digit must be 1 to " + Names.Length + ".", nameof(id));
            }

            return number;
        }
    }
}
