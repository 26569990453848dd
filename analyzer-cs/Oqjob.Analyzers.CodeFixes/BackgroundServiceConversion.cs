using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.CodeFixes
{
    /// <summary>
    /// The rewrite of one BackgroundService into a job. Created only for the plain shape: a
    /// direct BackgroundService with one async ExecuteAsync, at most one constructor that does
    /// not chain, and no members that HostedServiceBase declares or seals.
    /// </summary>
    internal sealed class BackgroundServiceConversion
    {
        private const string FactoryType = "Microsoft.Extensions.DependencyInjection.IServiceScopeFactory";

        // Members that BackgroundService lets a class override or that a job would hide.
        private static readonly string[] ConflictingMembers = { "StartAsync", "StopAsync", "Dispose", "ExecuteTask", "ExecuteJob", "ExecuteJobAsync" };

        private readonly ClassDeclarationSyntax service;
        private readonly BaseTypeSyntax baseType;
        private readonly MethodDeclarationSyntax executeAsync;
        private readonly IParameterSymbol token;
        private readonly ConstructorDeclarationSyntax? constructor;
        private readonly SemanticModel semanticModel;

        private BackgroundServiceConversion(
            ClassDeclarationSyntax service,
            BaseTypeSyntax baseType,
            MethodDeclarationSyntax executeAsync,
            IParameterSymbol token,
            ConstructorDeclarationSyntax? constructor,
            SemanticModel semanticModel)
        {
            this.service = service;
            this.baseType = baseType;
            this.executeAsync = executeAsync;
            this.token = token;
            this.constructor = constructor;
            this.semanticModel = semanticModel;
        }

        public string Title => $"Convert '{service.Identifier.ValueText}' into an Oqtane job that runs daily";

        public static BackgroundServiceConversion? Create(SyntaxNode target, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (!(target is ClassDeclarationSyntax service)
                || !(semanticModel.GetDeclaredSymbol(service, cancellationToken) is INamedTypeSymbol symbol)
                || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var knownTypes = KnownTypes.Create(semanticModel.Compilation);
            var baseType = service.BaseList?.Types.FirstOrDefault();
            var isDirectBackgroundService = knownTypes.HostedServiceBase != null
                && SymbolEqualityComparer.Default.Equals(symbol.BaseType, knownTypes.BackgroundService)
                && baseType != null
                && SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(baseType.Type, cancellationToken).Type, knownTypes.BackgroundService);
            if (!isDirectBackgroundService || symbol.GetMembers().Any(member => IsConflicting(member)))
            {
                return null;
            }

            var executeAsync = service.Members.OfType<MethodDeclarationSyntax>().SingleOrDefault(method => method.Identifier.ValueText == "ExecuteAsync");
            var executeSymbol = executeAsync == null ? null : semanticModel.GetDeclaredSymbol(executeAsync, cancellationToken);
            if (executeSymbol == null || !executeSymbol.IsOverride || !executeSymbol.IsAsync || executeAsync!.Body == null || HasBareReturn(executeAsync.Body))
            {
                return null;
            }

            var constructors = service.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
            var constructor = constructors.FirstOrDefault();
            var chainsOrHasNoBody = constructor != null && (constructor.Body == null || constructor.Initializer?.ArgumentList.Arguments.Count > 0 || constructor.Initializer?.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword) == true);
            if (constructors.Count > 1 || chainsOrHasNoBody)
            {
                return null;
            }

            return new BackgroundServiceConversion(service, baseType!, executeAsync, executeSymbol.Parameters[0], constructor, semanticModel);
        }

        public async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var newExecute = ExecuteJobAsync(cancellationToken);
            var converted = service.ReplaceNodes(
                new SyntaxNode[] { baseType, executeAsync }.Concat(constructor == null ? Enumerable.Empty<SyntaxNode>() : new[] { constructor }),
                (original, rewritten) => original == baseType
                    ? SyntaxFactory.SimpleBaseType(GeneratedSyntax.Type("Oqtane.Infrastructure.HostedServiceBase")).WithTriviaFrom(original)
                    : original == executeAsync
                        ? newExecute
                        : JobConstructor((ConstructorDeclarationSyntax)rewritten));
            if (constructor == null)
            {
                var index = converted.Members.IndexOf(member => member is MethodDeclarationSyntax method && method.Identifier.ValueText == "ExecuteJobAsync");
                converted = converted.WithMembers(converted.Members.Insert(index, JobConstructor(NewConstructor())));
            }

            var changed = document.WithSyntaxRoot(root!.ReplaceNode(service, converted));
            return await CodeCleanup.AddImportsAndSimplifyAsync(changed, cancellationToken).ConfigureAwait(false);
        }

        private static bool IsConflicting(ISymbol member)
        {
            return ConflictingMembers.Contains(member.Name) || MetadataSymbols.PropertyNames.Contains(member.Name);
        }

        private static bool HasBareReturn(BlockSyntax body)
        {
            return body.DescendantNodes(node => !BlockingCallSites.IsNestedFunction(node))
                .OfType<ReturnStatementSyntax>()
                .Any();
        }

        private ConstructorDeclarationSyntax NewConstructor()
        {
            return SyntaxFactory.ConstructorDeclaration(service.Identifier.WithoutTrivia())
                .AddModifiers(SyntaxFactory.Token(SyntaxKind.PublicKeyword))
                .WithBody(SyntaxFactory.Block());
        }

        /// <summary>Adds the factory parameter, passes it to the base and assigns the metadata first.</summary>
        private ConstructorDeclarationSyntax JobConstructor(ConstructorDeclarationSyntax existing)
        {
            var factoryName = DeclaredNames.Unique("serviceScopeFactory", existing);
            var factory = SyntaxFactory.Parameter(SyntaxFactory.Identifier(factoryName)).WithType(GeneratedSyntax.Type(FactoryType));
            var initializer = SyntaxFactory.ConstructorInitializer(
                SyntaxKind.BaseConstructorInitializer,
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(factoryName)))));
            var metadata = new[]
            {
                Metadata("Name", GeneratedSyntax.StringLiteral(DisplayName(service.Identifier.ValueText))),
                Metadata("Frequency", GeneratedSyntax.StringLiteral("d")),
                Metadata("Interval", SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1))),
                Metadata("IsEnabled", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)),
            };
            var parameters = existing.ParameterList.Parameters.Insert(0, factory);
            return existing
                .WithParameterList(existing.ParameterList.WithParameters(parameters))
                .WithInitializer(initializer)
                .WithBody(existing.Body!.WithStatements(existing.Body.Statements.InsertRange(0, metadata)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static StatementSyntax Metadata(string property, ExpressionSyntax value)
        {
            return SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(property),
                value));
        }

        /// <summary>
        /// Builds <c>public override async Task&lt;string&gt; ExecuteJobAsync(IServiceProvider provider)</c>
        /// from ExecuteAsync's body. A job receives no cancellation token, so uses of the old
        /// token read <c>CancellationToken.None</c>, and the body ends by returning the job log.
        /// </summary>
        private MethodDeclarationSyntax ExecuteJobAsync(CancellationToken cancellationToken)
        {
            var body = executeAsync.Body!;
            var tokenUses = body.DescendantNodes()
                .OfType<IdentifierNameSyntax>()
                .Where(identifier => SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, token))
                .ToList();
            body = body.ReplaceNodes(tokenUses, (original, _) => GeneratedSyntax.StaticMember("System.Threading.CancellationToken", "None").WithTriviaFrom(original));
            body = body.WithStatements(body.Statements.Add(SyntaxFactory.ReturnStatement(GeneratedSyntax.StringLiteral("Completed"))));

            var provider = SyntaxFactory.Parameter(SyntaxFactory.Identifier(DeclaredNames.Unique("provider", executeAsync.Body!)))
                .WithType(GeneratedSyntax.Type("System.IServiceProvider"));
            return SyntaxFactory.MethodDeclaration(GeneratedSyntax.TaskOfString(), "ExecuteJobAsync")
                .AddModifiers(
                    SyntaxFactory.Token(SyntaxKind.PublicKeyword),
                    SyntaxFactory.Token(SyntaxKind.OverrideKeyword),
                    SyntaxFactory.Token(SyntaxKind.AsyncKeyword))
                .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(provider)))
                .WithBody(body)
                .WithTriviaFrom(executeAsync)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>Returns "Reminder Cache Warmer" for ReminderCacheWarmer, the job's name in the admin screen.</summary>
        private static string DisplayName(string typeName)
        {
            var name = new StringBuilder();
            for (var index = 0; index < typeName.Length; index++)
            {
                var startsWord = index > 0 && char.IsUpper(typeName[index]) && char.IsLower(typeName[index - 1]);
                if (startsWord)
                {
                    name.Append(' ');
                }

                name.Append(typeName[index]);
            }

            return name.ToString();
        }
    }
}
