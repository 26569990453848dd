using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// OQJ4001: adds an override of ExecuteJobAsync (ExecuteJob before Oqtane 4.0.3, which has no
    /// ExecuteJobAsync) with the base method's signature and a body that returns the job log.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingExecuteOverrideCodeFix)), Shared]
    public sealed class MissingExecuteOverrideCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "OQJ4001.AddExecuteOverride";

        private const string LogComment = "// Resolve services from provider, do the work for the current tenant and add to log what the job log should show.";

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(DiagnosticIds.MissingExecuteOverride);

        // Jobs in one file may add the same using directives, so the fixes run one after another.
        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(FixAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            var job = root == null ? null : DiagnosticTarget.Find(root, diagnostic) as ClassDeclarationSyntax;
            var baseMethod = semanticModel == null ? null : OverriddenMethod(semanticModel.Compilation);
            if (job == null || baseMethod == null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Override {baseMethod.Name} with a body that returns the job log",
                    token => FixAsync(context.Document, job, token)!,
                    EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document?> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var baseMethod = semanticModel == null ? null : OverriddenMethod(semanticModel.Compilation);
            if (!(target is ClassDeclarationSyntax job) || baseMethod == null)
            {
                return null;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.AddMember(job, Override(editor.Generator, baseMethod, job));
            return await CodeCleanup.AddImportsAndSimplifyAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
        }

        private static IMethodSymbol? OverriddenMethod(Compilation compilation)
        {
            var knownTypes = KnownTypes.Create(compilation);
            return JobSymbols.BaseMethod(knownTypes, ExecuteOverrides.ExecuteJobAsync)
                ?? JobSymbols.BaseMethod(knownTypes, ExecuteOverrides.ExecuteJob);
        }

        /// <summary>
        /// Builds the override from the base method's symbol, so the return and parameter types
        /// match the referenced Oqtane release. ExecuteJobAsync awaits a completed task so that it
        /// compiles without warning CS1998 until the job's own awaits replace it.
        /// </summary>
        private static SyntaxNode Override(SyntaxGenerator generator, IMethodSymbol baseMethod, SyntaxNode context)
        {
            var isAsync = baseMethod.Name == ExecuteOverrides.ExecuteJobAsync;
            var comment = new[] { SyntaxFactory.Comment(LogComment), UsingDirectives.EndOfLine(context.SyntaxTree.GetRoot()) };
            var statements = new List<StatementSyntax> { GeneratedSyntax.Statement("var log = \"\";", context) };
            if (isAsync)
            {
                var completedTask = GeneratedSyntax.StaticMember("System.Threading.Tasks.Task", "CompletedTask");
                var awaitCompleted = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(completedTask));
                statements.Add(GeneratedSyntax.Statement(awaitCompleted, context).WithLeadingTrivia(comment));
                statements.Add(GeneratedSyntax.Statement("return log;", context));
            }
            else
            {
                statements.Add(GeneratedSyntax.Statement("return log;", context).WithLeadingTrivia(comment));
            }

            // Built from the parts, because the symbol overload copies "abstract" (ExecuteJob before 4.0.3) and drops the body.
            var method = generator.MethodDeclaration(
                baseMethod.Name,
                baseMethod.Parameters.Select(parameter => generator.ParameterDeclaration(parameter)),
                typeParameters: null,
                generator.TypeExpression(baseMethod.ReturnType),
                Accessibility.Public,
                DeclarationModifiers.Override.WithAsync(isAsync),
                statements);

            // The generator marks its type names for simplification only; the cleanup also needs to import them.
            method = method.ReplaceNodes(
                method.GetAnnotatedNodes(Simplifier.Annotation),
                (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation));
            return method.WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
