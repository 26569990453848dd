using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.ErrorsAndOutput
{
    /// <summary>
    /// OQJ6002: a throw statement or throw expression in the execution, a rethrow included,
    /// whose exception no catch clause catches on its way out of the execute override. A throw
    /// in a helper of the job counts only when some call of that helper lets it out.
    /// </summary>
    internal static class ThrownExceptionRule
    {
        public static void Analyze(JobReport report, ExecutionCallSites callSites)
        {
            foreach (var (body, operation) in report.Model.ExecutionOperations())
            {
                if (!(operation is IThrowOperation throwOperation))
                {
                    continue;
                }

                var (exception, description) = Describe(throwOperation, report.Symbols);
                if (exception == null)
                {
                    continue;
                }

                var visited = new HashSet<MemberBody>();
                if (Escapes(throwOperation, body, exception, callSites, visited))
                {
                    report.Report(Descriptors.ExceptionThrownOut, throwOperation.Syntax.GetLocation(), body.Member, description, JobReport.MemberName(body.Member));
                }
            }
        }

        /// <summary>
        /// True when the exception leaves the body uncaught and then leaves an execute override,
        /// directly or through some chain of calls between helpers.
        /// </summary>
        private static bool Escapes(IOperation origin, MemberBody body, ThrownException exception, ExecutionCallSites callSites, HashSet<MemberBody> visited)
        {
            if (ExceptionHandlers.IsCaughtInBody(origin, body, exception.IsCaughtBy))
            {
                return false;
            }

            if (callSites.IsRoot(body))
            {
                return true;
            }

            // A body on the current path adds no new way out; one already finished let nothing out.
            if (!visited.Add(body))
            {
                return false;
            }

            var sites = callSites.CallSitesOf(body);
            return sites.Count == 0 || sites.Any(site => Escapes(site.Operation, site.Body, exception, callSites, visited));
        }

        /// <summary>Returns what the throw raises and how the message describes it; null when the type is unknown.</summary>
        private static (ThrownException? Exception, string Description) Describe(IThrowOperation throwOperation, ErrorsAndOutputSymbols symbols)
        {
            var catchClause = EnclosingCatch(throwOperation);
            var caughtLocal = catchClause?.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;
            var thrown = Unwrap(throwOperation.Exception);

            if (catchClause != null && (thrown == null || IsReferenceTo(thrown, caughtLocal)))
            {
                return (new ThrownException(ExceptionType(catchClause.ExceptionType, symbols), isExactType: false), "rethrows the caught exception");
            }

            if (thrown is IObjectCreationOperation creation && creation.Type != null)
            {
                var wraps = caughtLocal != null && creation.Descendants().Any(operation => IsReferenceTo(operation, caughtLocal));
                var description = wraps
                    ? "wraps the caught exception in " + creation.Type.Name + " and throws it"
                    : "throws " + creation.Type.Name;
                return (new ThrownException(creation.Type, isExactType: true), description);
            }

            var type = thrown?.Type;
            if (type == null)
            {
                return (null, string.Empty);
            }

            var staticType = ExceptionType(type, symbols);
            return (new ThrownException(staticType, isExactType: false), "throws " + staticType.Name);
        }

        /// <summary>Returns the catch clause whose block contains the throw, where a rethrow refers to.</summary>
        private static ICatchClauseOperation? EnclosingCatch(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is ICatchClauseOperation catchClause && child == catchClause.Handler)
                {
                    return catchClause;
                }
            }

            return null;
        }

        /// <summary>
        /// Maps a type parameter and the object type of a catch without a type to
        /// System.Exception, which is what the runtime delivers in both cases.
        /// </summary>
        private static ITypeSymbol ExceptionType(ITypeSymbol type, ErrorsAndOutputSymbols symbols)
        {
            var isException = type.TypeKind != TypeKind.TypeParameter && type.SpecialType != SpecialType.System_Object;
            return isException || symbols.Exception == null ? type : symbols.Exception;
        }

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static bool IsReferenceTo(IOperation operation, ILocalSymbol? local)
        {
            return local != null && Unwrap(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
        }
    }
}
