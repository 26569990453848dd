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

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// OQJ3004: moves a metadata assignment from a method of the job to the end of the job's
    /// constructor, the only place where the framework reads metadata.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MetadataOutsideConstructorCodeFix)), Shared]
    public sealed class MetadataOutsideConstructorCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "OQJ3004.MoveToConstructor";

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(DiagnosticIds.MetadataOutsideConstructor);

        // Every fix appends to the same constructor, so they run one after another.
        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(FixAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            var target = root == null ? null : DiagnosticTarget.Find(root, diagnostic);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var plan = target == null || semanticModel == null ? null : Plan.Create(target, semanticModel, context.CancellationToken);
            if (plan == null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(plan.Title, token => plan.ApplyAsync(context.Document, token), EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document?> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var plan = semanticModel == null ? null : Plan.Create(target, semanticModel, cancellationToken);
            return plan == null ? null : await plan.ApplyAsync(document, cancellationToken).ConfigureAwait(false);
        }

        private sealed class Plan
        {
            private readonly ExpressionStatementSyntax statement;
            private readonly ConstructorDeclarationSyntax constructor;
            private readonly string property;

            private Plan(ExpressionStatementSyntax statement, ConstructorDeclarationSyntax constructor, string property)
            {
                this.statement = statement;
                this.constructor = constructor;
                this.property = property;
            }

            public string Title => $"Move the assignment of '{property}' into the constructor";

            /// <summary>
            /// Returns the plan for a plain statement <c>Property = value;</c> directly in a
            /// method body, or null when moving it would change what runs: inside a branch, loop
            /// or initializer, a value that uses the method's locals, parameters or awaits, or a
            /// constructor that already assigns the property (its value is the one in effect).
            /// </summary>
            public static Plan? Create(SyntaxNode target, SemanticModel semanticModel, CancellationToken cancellationToken)
            {
                if (!(target is AssignmentExpressionSyntax assignment)
                    || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    || !(assignment.Parent is ExpressionStatementSyntax statement)
                    || !(statement.Parent is BlockSyntax block)
                    || !(block.Parent is MethodDeclarationSyntax method)
                    || !(method.Parent is TypeDeclarationSyntax type))
                {
                    return null;
                }

                var property = semanticModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol as IPropertySymbol;
                var knownTypes = KnownTypes.Create(semanticModel.Compilation);
                if (property == null || !SymbolEqualityComparer.Default.Equals(property.ContainingType, knownTypes.HostedServiceBase))
                {
                    return null;
                }

                var constructor = JobConstructor.Single(type, semanticModel, cancellationToken);
                if (constructor == null
                    || JobConstructor.Assigns(constructor, property, semanticModel, cancellationToken)
                    || UsesMethodState(assignment.Right, semanticModel, cancellationToken))
                {
                    return null;
                }

                return new Plan(statement, constructor, property.Name);
            }

            public async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
            {
                var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
                editor.RemoveNode(statement);
                var moved = GeneratedSyntax.Statement(statement.WithoutTrivia(), constructor);
                editor.ReplaceNode(constructor, JobConstructor.Insert(constructor, constructor.Body!.Statements.Count, new[] { moved }));
                return editor.GetChangedDocument();
            }

            private static bool UsesMethodState(ExpressionSyntax value, SemanticModel semanticModel, CancellationToken cancellationToken)
            {
                if (value.DescendantNodesAndSelf().Any(node => node is AwaitExpressionSyntax))
                {
                    return true;
                }

                return value.DescendantNodesAndSelf()
                    .OfType<IdentifierNameSyntax>()
                    .Select(identifier => semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol)
                    .Any(symbol => symbol is ILocalSymbol || symbol is IParameterSymbol || symbol is IRangeVariableSymbol
                        || (symbol is IMethodSymbol method && method.MethodKind == MethodKind.LocalFunction));
            }
        }
    }
}
