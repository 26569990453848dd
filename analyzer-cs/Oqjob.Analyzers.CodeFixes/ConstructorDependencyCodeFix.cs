using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// OQJ2002 and OQJ2003: removes a service parameter from the job's constructor, with the
    /// field that stored it, and resolves the service from the provider in each execute
    /// override that read the field.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConstructorDependencyCodeFix)), Shared]
    public sealed class ConstructorDependencyCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "OQJ2002.ResolveFromProvider";

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(DiagnosticIds.ScopedConstructorDependency, DiagnosticIds.ConstructorDependency);

        // Several parameters of one constructor are removed one after the other, because each
        // removal rewrites the same parameter list and constructor body.
        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(FixAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            var target = root == null ? null : DiagnosticTarget.Find(root, diagnostic);
            if (target == null)
            {
                return;
            }

            var plan = await ConstructorDependencyPlan.CreateAsync(context.Document, target, context.CancellationToken).ConfigureAwait(false);
            if (plan == null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(plan.Title, token => plan.ApplyAsync(token), EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document?> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            var plan = await ConstructorDependencyPlan.CreateAsync(document, target, cancellationToken).ConfigureAwait(false);
            return plan == null ? null : await plan.ApplyAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
