using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    internal static class StoredValue
    {
        /// <summary>Looks through conversions, awaits, parentheses and the left side of ?? to the value that is stored.</summary>
        public static IOperation Unwrap(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        break;
                    case IAwaitOperation awaited:
                        value = awaited.Operation;
                        break;
                    case ICoalesceOperation coalesce:
                        value = coalesce.Value;
                        break;
                    case IParenthesizedOperation parenthesized:
                        value = parenthesized.Operand;
                        break;
                    default:
                        return value;
                }
            }
        }
    }
}
