using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace H3Yun.Generators.Analysis;

/// <summary>
/// Finds the form a field code is meant for by walking up from where the code is written, through only the
/// shapes whose meaning is certain: matcher groups, arrays, conversions, and object initializers, up to
/// <c>new Condition&lt;TForm&gt;(...)</c>, <c>new H3Query&lt;TForm&gt; { ... }</c> or
/// <c>OpenApiRequest.LoadBizObjects("code", new Filter { ... })</c>. Anything else (a variable, a helper method)
/// stops the walk, and the code is not checked: the analyzer must never report an error it is not sure of.
/// </summary>
internal sealed class SchemaCodeResolver(Compilation compilation)
{
    /// <summary>
    /// The operation kind of a collection expression, looked up once by name: the Roslyn the analyzer builds against
    /// (4.8) has neither the member nor its interface; with an older compiler it matches nothing.
    /// </summary>
    public static readonly OperationKind CollectionExpression =
        System.Enum.TryParse<OperationKind>("CollectionExpression", out var kind) ? kind : (OperationKind)(-1);

    public INamedTypeSymbol? Matcher { get; } = compilation.GetTypeByMetadataName("H3Yun.OpenApi.Matcher");

    public INamedTypeSymbol? ItemMatcher { get; } = compilation.GetTypeByMetadataName("H3Yun.OpenApi.ItemMatcher");

    public INamedTypeSymbol? MatcherGroup { get; } = compilation.GetTypeByMetadataName("H3Yun.OpenApi.MatcherGroup");

    public INamedTypeSymbol? SortBy { get; } = compilation.GetTypeByMetadataName("H3Yun.SortBy");

    public INamedTypeSymbol? Filter { get; } = compilation.GetTypeByMetadataName("H3Yun.OpenApi.Filter");

    public INamedTypeSymbol? OpenApiRequest { get; } = compilation.GetTypeByMetadataName("H3Yun.OpenApi.OpenApiRequest");

    public INamedTypeSymbol? Condition { get; } = compilation.GetTypeByMetadataName("H3Yun.Condition`1");

    public INamedTypeSymbol? Query { get; } = compilation.GetTypeByMetadataName("H3Yun.H3Query`1");

    public string? Resolve(IOperation start)
    {
        for (var current = start.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IArgumentOperation or IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation
                    or IParenthesizedOperation or IObjectOrCollectionInitializerOperation:
                    continue;
                case IInvocationOperation invocation when Is(invocation.TargetMethod.ContainingType, Matcher) && invocation.TargetMethod.Name is "And" or "Or":
                    continue;
                case IInvocationOperation invocation when Is(invocation.TargetMethod.ContainingType, OpenApiRequest) && invocation.TargetMethod.Name == "LoadBizObjects":
                    return ConstantArgument(invocation, 0);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property }
                    when Is(property.Property.ContainingType, Filter) || Is(property.Property.ContainingType.OriginalDefinition, Query):
                    continue;
                case IObjectCreationOperation creation when Is(creation.Type, MatcherGroup) || Is(creation.Type, Filter):
                    continue;
                case IObjectCreationOperation { Type: INamedTypeSymbol type } when Is(type.OriginalDefinition, Condition) || Is(type.OriginalDefinition, Query):
                    return SchemaCodeOf(type.TypeArguments[0]);
                case { Kind: var kind } when kind == CollectionExpression:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    public static string? ConstantArgument(IInvocationOperation invocation, int ordinal) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value.ConstantValue is { HasValue: true, Value: string code } ? code : null;

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    // A generated model and a mapped class both have a SchemaCode constant; a mapped class also has its attribute.
    private static string? SchemaCodeOf(ITypeSymbol form) =>
        form.GetMembers("SchemaCode").OfType<IFieldSymbol>().FirstOrDefault(static f => f.IsConst)?.ConstantValue as string
        ?? form.GetAttributes().FirstOrDefault(static a => a.AttributeClass?.ToDisplayString() == "H3Yun.H3FormAttribute")?.ConstructorArguments.FirstOrDefault().Value as string;
}
