using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Analysis;

/// <summary>
/// Checks field codes written as strings where the runtime takes one and the form is known at compile time
/// (H3Y0201): <c>Matcher.Item("F…")</c> and <c>new ItemMatcher("F…", …)</c>, <c>new SortBy("F…")</c>, and
/// <c>Filter.ReturnItems</c>, inside <c>new Condition&lt;TForm&gt;</c>, <c>new H3Query&lt;TForm&gt;</c> or
/// <c>OpenApiRequest.LoadBizObjects("code", new Filter { … })</c>; and the member names of a constant JSON object
/// passed to <c>OpenApiRequest.UpdateBizObject</c> or <c>CreateBizObject</c>. The codes come from the project's
/// schema files, read with the generator's parser.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FieldCodeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnknownFieldCode);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var resolver = new SchemaCodeResolver(start.Compilation);
            if (resolver.Matcher is null || resolver.OpenApiRequest is null)
            {
                return;
            }

            var catalog = FormCatalog.Load(start.Options.AdditionalFiles, start.CancellationToken);
            if (catalog.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(c => Invocation(c, (IInvocationOperation)c.Operation, resolver, catalog), OperationKind.Invocation);
            start.RegisterOperationAction(c => Creation(c, (IObjectCreationOperation)c.Operation, resolver, catalog), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => Assignment(c, (ISimpleAssignmentOperation)c.Operation, resolver, catalog), OperationKind.SimpleAssignment);
        });
    }

    private static void Invocation(OperationAnalysisContext context, IInvocationOperation invocation, SchemaCodeResolver resolver, FormCatalog catalog)
    {
        var method = invocation.TargetMethod;
        if (SchemaCodeResolver.Is(method.ContainingType, resolver.Matcher) && method.Name == "Item")
        {
            CheckArgument(context, invocation, invocation.Arguments, resolver, catalog);
        }
        else if (SchemaCodeResolver.Is(method.ContainingType, resolver.OpenApiRequest)
            && method.Name is "UpdateBizObject" or "CreateBizObject"
            && catalog.Find(SchemaCodeResolver.ConstantArgument(invocation, 0)) is { } form)
        {
            var json = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "bizObjectJson");
            if (json?.Value.ConstantValue is { HasValue: true, Value: string text })
            {
                CheckJson(context, text, json.Value.Syntax, form);
            }
        }
    }

    private static void Creation(OperationAnalysisContext context, IObjectCreationOperation creation, SchemaCodeResolver resolver, FormCatalog catalog)
    {
        if (SchemaCodeResolver.Is(creation.Type, resolver.ItemMatcher) || SchemaCodeResolver.Is(creation.Type, resolver.SortBy))
        {
            CheckArgument(context, creation, creation.Arguments, resolver, catalog);
        }
    }

    private static void Assignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, SchemaCodeResolver resolver, FormCatalog catalog)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "ReturnItems" } property
            || !SchemaCodeResolver.Is(property.Property.ContainingType, resolver.Filter)
            || catalog.Find(resolver.Resolve(assignment)) is not { } form)
        {
            return;
        }

        foreach (var element in Elements(assignment.Value))
        {
            Check(context, (string)element.ConstantValue.Value!, element.Syntax.GetLocation(), form);
        }
    }

    // The constant strings of an array or collection expression; anything computed is not looked into.
    private static IEnumerable<IOperation> Elements(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string })
        {
            return [operation];
        }

        return operation switch
        {
            IConversionOperation conversion => Elements(conversion.Operand),
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.SelectMany(Elements),
            { Kind: var kind } when kind == SchemaCodeResolver.CollectionExpression => operation.ChildOperations.SelectMany(Elements),
            _ => [],
        };
    }

    private static void CheckArgument(
        OperationAnalysisContext context, IOperation call, ImmutableArray<IArgumentOperation> arguments, SchemaCodeResolver resolver, FormCatalog catalog)
    {
        var name = arguments.FirstOrDefault(static a => a.Parameter?.Ordinal == 0);
        if (name?.Value.ConstantValue is { HasValue: true, Value: string code } && catalog.Find(resolver.Resolve(call)) is { } form)
        {
            Check(context, code, name.Value.Syntax.GetLocation(), form);
        }
    }

    private static void CheckJson(OperationAnalysisContext context, string json, SyntaxNode syntax, FormCodes form)
    {
        var root = JsonTreeReader.Read(json, out _);
        if (root is not { Kind: JsonKind.Object })
        {
            return;
        }

        var searchFrom = 0;
        foreach (var member in root.Members)
        {
            var location = MemberLocation(syntax, member.Name, ref searchFrom);
            Check(context, member.Name, location, form);
            if (form.ChildTable(member.Name) is { } table && member.Value.Kind == JsonKind.Array)
            {
                foreach (var rowMember in member.Value.Items.Where(static i => i.Kind == JsonKind.Object).SelectMany(static i => i.Members))
                {
                    Check(context, rowMember.Name, MemberLocation(syntax, rowMember.Name, ref searchFrom), table);
                }
            }
        }
    }

    // The member's name inside the literal's text when it can be found there (no escapes in field codes), else the literal.
    private static Location MemberLocation(SyntaxNode syntax, string name, ref int searchFrom)
    {
        if (syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && name.Length > 0)
        {
            var text = literal.Token.Text;
            var index = text.IndexOf(name, Math.Min(searchFrom, text.Length), StringComparison.Ordinal);
            if (index >= 0)
            {
                searchFrom = index + name.Length;
                return Location.Create(syntax.SyntaxTree, new TextSpan(literal.Token.SpanStart + index, name.Length));
            }
        }

        return syntax.GetLocation();
    }

    private static void Check(OperationAnalysisContext context, string code, Location location, FormCodes form)
    {
        if (!form.IsKnown(code))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnknownFieldCode, location, code, form.Form.SchemaCode, form.Form.DisplayName, ClosestCodes.Suggest(code, form.Suggestions)));
        }
    }
}
