using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Oqjob.Analyzers.Jobs.Tenants
{
    /// <summary>Chooses where a finding on an operation is shown.</summary>
    internal static class OperationLocations
    {
        /// <summary>
        /// Returns the location of the called or referenced member's name: "SetTenant" in
        /// "manager.SetTenant(id)", "manager?.SetTenant(id)" or "manager.SetTenant" as a method group.
        /// </summary>
        public static Location MemberName(IOperation operation)
        {
            var syntax = operation.Syntax is InvocationExpressionSyntax invocation ? invocation.Expression : operation.Syntax;
            switch (syntax)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.GetLocation();
                case MemberBindingExpressionSyntax memberBinding:
                    return memberBinding.Name.GetLocation();
                default:
                    return syntax.GetLocation();
            }
        }
    }
}
