using System.Collections.Generic;
using System.Linq;
using System.Threading;
using H3Yun.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace H3Yun.Generators.Mapping;

/// <summary>
/// Reads a class marked <c>[H3Form]</c> into a <see cref="MappedClassSpec"/>. Runs in the pipeline's transform,
/// the only place that sees symbols; everything it keeps is a string or a flag, and the locations are kept apart.
/// </summary>
internal static class MappedClassReader
{
    public const string FormAttribute = "H3Yun.H3FormAttribute";
    private const string FieldAttributeName = "H3FieldAttribute";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static MappedClassInput? Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
        {
            return null;
        }

        var attribute = context.Attributes[0];
        var anchors = new List<AnchoredLocation>();
        if (ArgumentLocation(attribute, cancellationToken) is { } attributeLocation)
        {
            anchors.Add(new AnchoredLocation(MappedClassLocations.AttributeAnchor, attributeLocation));
        }

        var properties = new List<MappedPropertySpec>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (ReadProperty(property, anchors, cancellationToken) is { } read)
            {
                properties.Add(read);
            }
        }

        var spec = new MappedClassSpec(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            type.Name,
            ConstantString(attribute),
            properties.ToEquatableArray())
        {
            IsPublic = type.DeclaredAccessibility == Accessibility.Public,
            ShapeProblem = ShapeProblem(type),
            OtherBaseType = type.BaseType is { } baseType
                && baseType.SpecialType != SpecialType.System_Object
                && baseType.ToDisplayString() != "H3Yun.H3BizObject"
                ? baseType.ToDisplayString()
                : null,
        };
        return new MappedClassInput(spec, new MappedClassLocations(spec.QualifiedName, anchors.ToEquatableArray()));
    }

    private static MappedPropertySpec? ReadProperty(IPropertySymbol property, List<AnchoredLocation> anchors, CancellationToken cancellationToken)
    {
        var attribute = property.GetAttributes().FirstOrDefault(static a =>
            a.AttributeClass is { Name: FieldAttributeName, ContainingNamespace: { Name: "H3Yun", ContainingNamespace.IsGlobalNamespace: true } });
        if (attribute is null)
        {
            return null;
        }

        var declaration = property.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(cancellationToken))
            .OfType<PropertyDeclarationSyntax>()
            .FirstOrDefault();

        if (ArgumentLocation(attribute, cancellationToken) is { } location)
        {
            anchors.Add(new AnchoredLocation(property.Name, location));
        }

        return new MappedPropertySpec(property.Name, ConstantString(attribute), property.Type.ToDisplayString(TypeFormat))
        {
            IsNullableOblivious = property.Type.IsReferenceType && property.NullableAnnotation == NullableAnnotation.None,
            IsPartialDefinition = !property.IsStatic && declaration is not null && IsPartialDefinition(declaration),
            Modifiers = declaration is null ? string.Empty : string.Join(" ", declaration.Modifiers.Select(static m => m.Text)),
            Accessors = declaration?.AccessorList is { } list
                ? list.Accessors.Select(static a => string.Join(" ", a.Modifiers.Select(static m => m.Text).Append(a.Keyword.Text))).ToEquatableArray()
                : EquatableArray<string>.Empty,
        };
    }

    // A partial definition has the modifier and accessors without bodies; anything else is either an ordinary
    // property, which the generator cannot implement, or the implementation part.
    private static bool IsPartialDefinition(PropertyDeclarationSyntax declaration) =>
        declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
        && declaration.ExpressionBody is null
        && declaration.AccessorList is { Accessors.Count: > 0 } accessors
        && accessors.Accessors.All(static a => a.Body is null && a.ExpressionBody is null);

    private static string? ShapeProblem(INamedTypeSymbol type)
    {
        var notPartial = type.DeclaringSyntaxReferences
            .Select(static r => r.GetSyntax())
            .OfType<TypeDeclarationSyntax>()
            .Any(static d => !d.Modifiers.Any(SyntaxKind.PartialKeyword));
        return type.IsRecord || type.TypeKind != TypeKind.Class ? "it is not a class"
            : notPartial ? "it is not partial"
            : type.ContainingType is not null ? "it is nested in another type"
            : type.IsGenericType ? "it is generic"
            : type.IsStatic ? "it is static"
            : type.IsAbstract ? "it is abstract, and the runtime creates records of it"
            : null;
    }

    private static string? ConstantString(AttributeData attribute) =>
        attribute.ConstructorArguments is [{ Value: string value }] && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static LocationInfo? ArgumentLocation(AttributeData attribute, CancellationToken cancellationToken)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var node = (SyntaxNode?)syntax?.ArgumentList?.Arguments.FirstOrDefault() ?? syntax;
        if (node is null)
        {
            return null;
        }

        var lineSpan = node.GetLocation().GetLineSpan();
        return new LocationInfo(lineSpan.Path, node.Span, lineSpan.Span);
    }
}
