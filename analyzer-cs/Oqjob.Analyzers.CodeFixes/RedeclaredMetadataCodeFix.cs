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
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// OQJ3001: removes a property or field that hides a metadata property of HostedServiceBase
    /// and assigns its value to the inherited property at the start of the constructor, where
    /// the hiding member's initializer used to run.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedeclaredMetadataCodeFix)), Shared]
    public sealed class RedeclaredMetadataCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "OQJ3001.AssignInConstructor";

        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(DiagnosticIds.RedeclaredMetadata);

        // Every fix inserts into the same constructor, so they run one after another.
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
            private readonly SyntaxNode member;
            private readonly string name;
            private readonly ExpressionSyntax? value;
            private readonly ConstructorDeclarationSyntax constructor;

            private Plan(SyntaxNode member, string name, ExpressionSyntax? value, ConstructorDeclarationSyntax constructor)
            {
                this.member = member;
                this.name = name;
                this.value = value;
                this.constructor = constructor;
            }

            public string Title => value == null
                ? $"Remove the redeclared '{name}' and use the inherited property"
                : $"Assign the inherited '{name}' in the constructor";

            public static Plan? Create(SyntaxNode target, SemanticModel semanticModel, CancellationToken cancellationToken)
            {
                // The diagnostic is on the member's name: a property, or one variable of a field.
                SyntaxNode? member = target as PropertyDeclarationSyntax ?? (SyntaxNode?)(target as VariableDeclaratorSyntax);
                var symbol = member == null ? null : semanticModel.GetDeclaredSymbol(member, cancellationToken);
                var type = member?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                if (symbol == null || symbol.IsStatic || type == null)
                {
                    return null;
                }

                // The inherited property must accept everything that used the hiding member.
                var knownTypes = KnownTypes.Create(semanticModel.Compilation);
                var inherited = knownTypes.HostedServiceBase?.GetMembers(symbol.Name).OfType<IPropertySymbol>().FirstOrDefault();
                var memberType = (symbol as IPropertySymbol)?.Type ?? (symbol as IFieldSymbol)?.Type;
                if (inherited == null || inherited.SetMethod == null || !SymbolEqualityComparer.Default.Equals(inherited.Type, memberType))
                {
                    return null;
                }

                var constructor = JobConstructor.Single(type, semanticModel, cancellationToken);
                if (constructor == null || !HasPlainAccessors(member!, out var value))
                {
                    return null;
                }

                return new Plan(member!, symbol.Name, value, constructor);
            }

            public async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
            {
                var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
                var declaration = member is VariableDeclaratorSyntax declarator
                    && declarator.Parent is VariableDeclarationSyntax variables
                    && variables.Variables.Count == 1
                    ? variables.Parent!
                    : member;
                editor.RemoveNode(declaration);
                TrimBlankLineAfterFirstMember(editor, declaration);

                if (value != null)
                {
                    var assignment = JobConstructor.Assignment(name, value, constructor);
                    editor.ReplaceNode(constructor, (current, _) => JobConstructor.Insert((ConstructorDeclarationSyntax)current, 0, new[] { assignment }));
                }

                return editor.GetChangedDocument();
            }

            /// <summary>
            /// Keeps the type from opening with a blank line: the line that separated the removed
            /// first member from the next one belongs to the next member's leading trivia.
            /// </summary>
            private static void TrimBlankLineAfterFirstMember(DocumentEditor editor, SyntaxNode removed)
            {
                if (!(removed.Parent is TypeDeclarationSyntax type) || type.Members.Count < 2 || type.Members[0] != removed)
                {
                    return;
                }

                editor.ReplaceNode(type.Members[1], (current, _) =>
                {
                    var trivia = current.GetLeadingTrivia();
                    return trivia.Count > 0 && trivia[0].IsKind(SyntaxKind.EndOfLineTrivia)
                        ? current.WithLeadingTrivia(trivia.RemoveAt(0))
                        : current;
                });
            }

            /// <summary>
            /// True when the member only stores or returns a value, so removing it loses nothing
            /// but that value: a field, an auto-property, or a getter that returns one expression.
            /// </summary>
            private static bool HasPlainAccessors(SyntaxNode member, out ExpressionSyntax? value)
            {
                value = null;
                if (member is VariableDeclaratorSyntax field)
                {
                    value = field.Initializer?.Value;
                    return true;
                }

                var property = (PropertyDeclarationSyntax)member;
                if (property.ExpressionBody != null)
                {
                    value = property.ExpressionBody.Expression;
                    return true;
                }

                var accessors = property.AccessorList?.Accessors;
                if (accessors == null)
                {
                    return false;
                }

                if (accessors.Value.All(accessor => accessor.Body == null && accessor.ExpressionBody == null))
                {
                    value = property.Initializer?.Value;
                    return true;
                }

                // A getter with a body and no setter: its returned expression is the value.
                if (accessors.Value.Count != 1 || !accessors.Value[0].IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    return false;
                }

                var getter = accessors.Value[0];
                value = getter.ExpressionBody?.Expression
                    ?? (getter.Body?.Statements.Count == 1 ? (getter.Body.Statements[0] as ReturnStatementSyntax)?.Expression : null);
                return value != null;
            }
        }
    }
}
