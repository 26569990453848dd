using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Oqjob.Analyzers.Jobs
{
    /// <summary>
    /// The exception that a throw raises, as far as the code shows it: its type, and whether
    /// that is the exact runtime type (a new object) or only the static type of an expression.
    /// Decides which catch clauses are certain to catch it.
    /// </summary>
    internal sealed class ThrownException
    {
        private enum Match
        {
            No,
            Maybe,
            Yes,
        }

        public ThrownException(ITypeSymbol type, bool isExactType)
        {
            Type = type;
            IsExactType = isExactType;
        }

        public ITypeSymbol Type { get; }

        public bool IsExactType { get; }

        /// <summary>
        /// True when the catch clause catches this exception: its type is the exception's type
        /// or a base of it, and its filter is true for it. A filter whose outcome the code does
        /// not show is assumed to catch, so that no error is reported on a guess.
        /// </summary>
        public bool IsCaughtBy(ICatchClauseOperation catchClause)
        {
            if (TestType(catchClause.ExceptionType) != Match.Yes)
            {
                return false;
            }

            // NOTE: an undecided filter counts as catching, so an exception it rejects is missed.
            return catchClause.Filter == null || EvaluateFilter(catchClause.Filter, CatchLocal(catchClause)) != false;
        }

        /// <summary>Returns the filter's value for this exception, or null when the code does not decide it.</summary>
        private bool? EvaluateFilter(IOperation filter, ILocalSymbol? exceptionLocal)
        {
            if (filter.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant;
            }

            switch (filter)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return !EvaluateFilter(not.Operand, exceptionLocal);

                case IIsTypeOperation isType when IsReferenceTo(isType.ValueOperand, exceptionLocal):
                    var matches = ToBoolean(TestType(isType.TypeOperand));
                    return isType.IsNegated ? !matches : matches;

                case IIsPatternOperation isPattern when IsReferenceTo(isPattern.Value, exceptionLocal):
                    return EvaluatePattern(isPattern.Pattern);

                default:
                    return null;
            }
        }

        private bool? EvaluatePattern(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case INegatedPatternOperation negated:
                    return !EvaluatePattern(negated.Pattern);
                case ITypePatternOperation typePattern:
                    return ToBoolean(TestType(typePattern.MatchedType));
                case IDeclarationPatternOperation declaration when declaration.MatchedType != null:
                    return ToBoolean(TestType(declaration.MatchedType));
                default:
                    return null;
            }
        }

        /// <summary>Tests whether the exception is certainly, possibly or never of the given type.</summary>
        private Match TestType(ITypeSymbol? target)
        {
            if (target == null || target.SpecialType == SpecialType.System_Object || DerivesFrom(Type, target))
            {
                return Match.Yes;
            }

            // A more derived runtime type can still match when only the static type is known.
            return !IsExactType && DerivesFrom(target, Type) ? Match.Maybe : Match.No;
        }

        private static bool? ToBoolean(Match match)
        {
            return match == Match.Maybe ? (bool?)null : match == Match.Yes;
        }

        private static bool DerivesFrom(ITypeSymbol type, ITypeSymbol baseType)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static ILocalSymbol? CatchLocal(ICatchClauseOperation catchClause)
        {
            return catchClause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;
        }

        private static bool IsReferenceTo(IOperation operation, ILocalSymbol? local)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return local != null && operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
        }
    }
}
