using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// What removing one constructor parameter of a job takes: the statements that store it in
    /// private fields, those fields, and the reads of the fields in the execute overrides, which
    /// become locals resolved from the provider. Created only when every use of the parameter
    /// and of its fields fits that shape, so the fixed job still compiles and behaves the same.
    /// </summary>
    internal sealed class ConstructorDependencyPlan
    {
        private const string GetRequiredService = "GetRequiredService";

        private readonly Document document;
        private readonly ParameterSyntax parameter;
        private readonly TypeSyntax serviceType;
        private readonly List<ExpressionStatementSyntax> stores;
        private readonly List<VariableDeclaratorSyntax> fieldDeclarators;
        private readonly List<FieldRead> reads;
        private readonly bool needsUsing;

        private ConstructorDependencyPlan(
            Document document,
            ParameterSyntax parameter,
            TypeSyntax serviceType,
            List<ExpressionStatementSyntax> stores,
            List<VariableDeclaratorSyntax> fieldDeclarators,
            List<FieldRead> reads,
            bool needsUsing,
            string title)
        {
            this.document = document;
            this.parameter = parameter;
            this.serviceType = serviceType;
            this.stores = stores;
            this.fieldDeclarators = fieldDeclarators;
            this.reads = reads;
            this.needsUsing = needsUsing;
            Title = title;
        }

        public string Title { get; }

        /// <summary>Returns the plan for the parameter whose type the diagnostic is on, or null when the fix would not be safe.</summary>
        public static async Task<ConstructorDependencyPlan?> CreateAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
        {
            // Primary constructor parameters are captured instead of stored, so they are left alone.
            var parameter = target.FirstAncestorOrSelf<ParameterSyntax>();
            if (parameter?.Type == null
                || !(parameter.Parent?.Parent is ConstructorDeclarationSyntax constructor)
                || !(constructor.Parent is TypeDeclarationSyntax typeDeclaration)
                || constructor.Body == null)
            {
                return null;
            }

            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var parameterSymbol = semanticModel?.GetDeclaredSymbol(parameter, cancellationToken);
            if (semanticModel == null || parameterSymbol == null || !(parameterSymbol.ContainingSymbol is IMethodSymbol constructorSymbol))
            {
                return null;
            }

            // A field that another part of a partial job reads would be left unassigned.
            var job = constructorSymbol.ContainingType;
            if (job.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            // A call of the constructor in source would lose an argument.
            if (await IsCalledAsync(constructorSymbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var stores = FieldStores(constructor, parameterSymbol, semanticModel, job, cancellationToken);
            if (stores == null)
            {
                return null;
            }

            var fields = stores.Select(store => store.Field).Distinct<IFieldSymbol>(SymbolEqualityComparer.Default).ToList();
            var knownTypes = KnownTypes.Create(semanticModel.Compilation);
            var reads = FieldReads(typeDeclaration, stores, fields, semanticModel, knownTypes, cancellationToken);
            var fieldDeclarators = fields.Select(field => DeclaratorOf(field, typeDeclaration)).ToList();
            if (reads == null || fieldDeclarators.Any(declarator => declarator == null))
            {
                return null;
            }

            var serviceType = parameter.Type is NullableTypeSyntax nullable && !parameterSymbol.Type.IsValueType
                ? nullable.ElementType
                : parameter.Type;
            var needsUsing = reads.Any(read => !UsingDirectives.IsInScope(semanticModel, read.Method.SpanStart, read.ProviderType, GetRequiredService));
            return new ConstructorDependencyPlan(
                document,
                parameter,
                serviceType.WithoutTrivia(),
                stores.Select(store => store.Statement).ToList(),
                fieldDeclarators!,
                reads,
                needsUsing,
                TitleFor(parameterSymbol, reads, semanticModel, parameter.SpanStart));
        }

        public async Task<Document> ApplyAsync(CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.RemoveNode(parameter);
            foreach (var statement in stores)
            {
                editor.RemoveNode(statement);
            }

            foreach (var declarator in fieldDeclarators)
            {
                RemoveField(editor, declarator);
            }

            foreach (var group in reads.GroupBy(read => read.Method))
            {
                editor.ReplaceNode(group.Key, ResolveInMethod(group.Key, group.ToList()));
            }

            var changed = editor.GetChangedDocument();
            if (!needsUsing || !(await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax root))
            {
                return changed;
            }

            return changed.WithSyntaxRoot(UsingDirectives.Add(root, GeneratedSyntax.DependencyInjectionNamespace));
        }

        private static async Task<bool> IsCalledAsync(IMethodSymbol constructor, Solution solution, CancellationToken cancellationToken)
        {
            var references = await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false);
            return references.Any(reference => reference.Locations.Any());
        }

        /// <summary>
        /// Returns the statements <c>field = parameter;</c> (also with <c>this.</c> or
        /// <c>?? throw ...</c>) that are the parameter's only uses, or null when it has any other use.
        /// </summary>
        private static List<FieldStore>? FieldStores(
            ConstructorDeclarationSyntax constructor,
            IParameterSymbol parameter,
            SemanticModel semanticModel,
            INamedTypeSymbol job,
            CancellationToken cancellationToken)
        {
            var stores = new List<FieldStore>();
            var nameofUses = new List<IdentifierNameSyntax>();
            foreach (var identifier in constructor.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (!SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, parameter))
                {
                    continue;
                }

                if (IsNameofArgument(identifier, semanticModel, cancellationToken))
                {
                    nameofUses.Add(identifier);
                    continue;
                }

                var store = FieldStoreOf(identifier, constructor, semanticModel, job, cancellationToken);
                if (store == null)
                {
                    return null;
                }

                stores.Add(store);
            }

            // nameof(parameter) reads no value, but it must go away with the store that contains it.
            var orphanNameof = nameofUses.Any(use => !stores.Any(store => store.Statement.Span.Contains(use.Span)));
            return orphanNameof ? null : stores;
        }

        private static bool IsNameofArgument(IdentifierNameSyntax identifier, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            return identifier.Parent is ArgumentSyntax argument
                && argument.Parent?.Parent is InvocationExpressionSyntax invocation
                && invocation.Expression is IdentifierNameSyntax name
                && name.Identifier.ValueText == "nameof"
                && semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol == null;
        }

        private static FieldStore? FieldStoreOf(
            IdentifierNameSyntax use,
            ConstructorDeclarationSyntax constructor,
            SemanticModel semanticModel,
            INamedTypeSymbol job,
            CancellationToken cancellationToken)
        {
            SyntaxNode value = use;
            if (use.Parent is BinaryExpressionSyntax coalesce
                && coalesce.IsKind(SyntaxKind.CoalesceExpression)
                && coalesce.Left == use
                && coalesce.Right is ThrowExpressionSyntax)
            {
                value = coalesce;
            }

            if (!(value.Parent is AssignmentExpressionSyntax assignment)
                || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || assignment.Right != value
                || !(assignment.Parent is ExpressionStatementSyntax statement)
                || statement.Parent != constructor.Body)
            {
                return null;
            }

            var field = semanticModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol as IFieldSymbol;
            var isOwnPrivateField = field != null
                && !field.IsStatic
                && field.DeclaredAccessibility == Accessibility.Private
                && SymbolEqualityComparer.Default.Equals(field.ContainingType, job);
            return isOwnPrivateField ? new FieldStore(statement, field!) : null;
        }

        /// <summary>
        /// Returns the reads of the fields outside the stores, or null when one of them is a write
        /// or lies outside an execute override, where no provider is at hand.
        /// </summary>
        private static List<FieldRead>? FieldReads(
            TypeDeclarationSyntax typeDeclaration,
            List<FieldStore> stores,
            List<IFieldSymbol> fields,
            SemanticModel semanticModel,
            KnownTypes knownTypes,
            CancellationToken cancellationToken)
        {
            var reads = new List<FieldRead>();
            foreach (var identifier in typeDeclaration.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                var field = semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol as IFieldSymbol;
                if (field == null || !fields.Contains(field, SymbolEqualityComparer.Default) || stores.Any(store => store.Statement.Span.Contains(identifier.Span)))
                {
                    continue;
                }

                var method = identifier.FirstAncestorOrSelf<MethodDeclarationSyntax>();
                var methodSymbol = method == null ? null : semanticModel.GetDeclaredSymbol(method, cancellationToken);
                var reference = FieldReference(identifier);
                if (method == null
                    || !JobSymbols.IsExecuteOverride(methodSymbol, knownTypes)
                    || methodSymbol!.Parameters.Length != 1
                    || IsWritten(reference))
                {
                    return null;
                }

                reads.Add(new FieldRead(method, reference, field, methodSymbol.Parameters[0].Type));
            }

            return reads;
        }

        /// <summary>Returns <c>this.field</c> for the identifier in it, or the identifier itself.</summary>
        private static ExpressionSyntax FieldReference(IdentifierNameSyntax identifier)
        {
            return identifier.Parent is MemberAccessExpressionSyntax access
                && access.Name == identifier
                && access.Expression is ThisExpressionSyntax
                ? access
                : (ExpressionSyntax)identifier;
        }

        private static bool IsWritten(ExpressionSyntax reference)
        {
            switch (reference.Parent)
            {
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == reference;
                case ArgumentSyntax argument:
                    return !argument.RefKindKeyword.IsKind(SyntaxKind.None);
                case PrefixUnaryExpressionSyntax _:
                case PostfixUnaryExpressionSyntax _:
                case RefExpressionSyntax _:
                    return true;
                default:
                    return false;
            }
        }

        private static VariableDeclaratorSyntax? DeclaratorOf(IFieldSymbol field, TypeDeclarationSyntax typeDeclaration)
        {
            var declarator = field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
            return declarator != null && typeDeclaration.Span.Contains(declarator.Span) && declarator.SyntaxTree == typeDeclaration.SyntaxTree
                ? declarator
                : null;
        }

        private static void RemoveField(DocumentEditor editor, VariableDeclaratorSyntax declarator)
        {
            if (declarator.Parent is VariableDeclarationSyntax declaration
                && declaration.Variables.Count == 1
                && declaration.Parent is FieldDeclarationSyntax field)
            {
                editor.RemoveNode(field);
                return;
            }

            editor.RemoveNode(declarator);
        }

        /// <summary>Declares one local per field at the start of the method and reads the locals instead of the fields.</summary>
        private MethodDeclarationSyntax ResolveInMethod(MethodDeclarationSyntax method, List<FieldRead> methodReads)
        {
            var provider = method.ParameterList.Parameters[0].Identifier.ToString();
            var localNames = LocalNames(method, methodReads);
            var rewritten = method.ReplaceNodes(
                methodReads.Select(read => read.Reference),
                (original, _) => SyntaxFactory.IdentifierName(localNames[methodReads.First(read => read.Reference == original).Field.Name]).WithTriviaFrom(original));

            var declarations = localNames.Values
                .Select(local => GeneratedSyntax.Statement($"var {local} = {provider}.{GetRequiredService}<{serviceType}>();", method))
                .ToList();
            if (rewritten.Body != null)
            {
                return rewritten.WithBody(rewritten.Body.WithStatements(rewritten.Body.Statements.InsertRange(0, declarations)));
            }

            // An expression body becomes a block that declares the locals and returns the expression.
            var returned = SyntaxFactory.ReturnStatement(rewritten.ExpressionBody!.Expression.WithoutTrivia());
            return rewritten
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(SyntaxFactory.Block(declarations.Append(returned)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// Names each local after its field without the underscore or m_ prefix, with a number
        /// added when a local, parameter or member of the job already uses the name.
        /// </summary>
        private static Dictionary<string, string> LocalNames(MethodDeclarationSyntax method, List<FieldRead> methodReads)
        {
            var taken = new HashSet<string>(DeclaredNames.In(method));
            var removedFields = methodReads.Select(read => read.Field.Name).Distinct().ToList();
            foreach (var member in methodReads[0].Field.ContainingType.MemberNames)
            {
                if (!removedFields.Contains(member))
                {
                    taken.Add(member);
                }
            }

            var names = new Dictionary<string, string>();
            foreach (var fieldName in removedFields)
            {
                var baseName = LocalNameFor(fieldName);
                var candidate = baseName;
                for (var suffix = 2; taken.Contains(candidate); suffix++)
                {
                    candidate = baseName + suffix;
                }

                taken.Add(candidate);
                names[fieldName] = candidate;
            }

            return names;
        }

        private static string LocalNameFor(string fieldName)
        {
            var name = fieldName.StartsWith("m_", StringComparison.Ordinal) ? fieldName.Substring(2) : fieldName.TrimStart('_');
            if (name.Length == 0)
            {
                return "service";
            }

            var local = char.ToLowerInvariant(name[0]) + name.Substring(1);
            return SyntaxFacts.GetKeywordKind(local) == SyntaxKind.None ? local : "@" + local;
        }

        private static string TitleFor(IParameterSymbol parameter, List<FieldRead> reads, SemanticModel semanticModel, int position)
        {
            if (reads.Count == 0)
            {
                return $"Remove the unused constructor parameter '{parameter.Name}'";
            }

            var type = parameter.Type.ToMinimalDisplayString(semanticModel, position);
            var methods = reads.Select(read => read.Method.Identifier.ValueText).Distinct().OrderBy(name => name, StringComparer.Ordinal);
            return $"Resolve '{type}' from the provider in {string.Join(" and ", methods)}";
        }

        private sealed class FieldStore
        {
            public FieldStore(ExpressionStatementSyntax statement, IFieldSymbol field)
            {
                Statement = statement;
                Field = field;
            }

            public ExpressionStatementSyntax Statement { get; }

            public IFieldSymbol Field { get; }
        }

        private sealed class FieldRead
        {
            public FieldRead(MethodDeclarationSyntax method, ExpressionSyntax reference, IFieldSymbol field, ITypeSymbol providerType)
            {
                Method = method;
                Reference = reference;
                Field = field;
                ProviderType = providerType;
            }

            public MethodDeclarationSyntax Method { get; }

            public ExpressionSyntax Reference { get; }

            public IFieldSymbol Field { get; }

            public ITypeSymbol ProviderType { get; }
        }
    }
}
