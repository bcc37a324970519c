namespace H3Yun.Generators.Model;

/// <summary>
/// A user's class marked <c>[H3Form]</c>, read from its symbol into plain values so that the pipeline can cache it
/// and no Roslyn object outlives the transform. It holds no location: typing above the class moves it without
/// changing this, so the class is neither bound nor emitted again; <see cref="MappedClassLocations"/> travels beside it.
/// </summary>
/// <param name="Namespace">The class's namespace; null in the global namespace.</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="SchemaCode">The attribute's SchemaCode; null when it is not a constant string.</param>
/// <param name="Properties">The properties marked <c>[H3Field]</c>, in declaration order.</param>
internal sealed record MappedClassSpec(string? Namespace, string ClassName, string? SchemaCode, EquatableArray<MappedPropertySpec> Properties)
{
    /// <summary>Whether the class is public; the repository takes the same accessibility.</summary>
    public bool IsPublic { get; init; }

    /// <summary>Why the class cannot be implemented (not partial, nested, generic, ...); null when it can.</summary>
    public string? ShapeProblem { get; init; }

    /// <summary>A base class other than H3BizObject that the user gave, displayed; null when none.</summary>
    public string? OtherBaseType { get; init; }

    /// <summary>The fully qualified class name, as generated code writes it.</summary>
    public string QualifiedName => "global::" + (Namespace is null ? string.Empty : Namespace + ".") + ClassName;
}

/// <summary>A property of a mapped class marked <c>[H3Field]</c>.</summary>
/// <param name="Name">The property's name.</param>
/// <param name="FieldCode">The attribute's field code; null when it is not a constant string.</param>
/// <param name="Type">The property's type, fully qualified, with <c>?</c> on nullable reference types.</param>
internal sealed record MappedPropertySpec(string Name, string? FieldCode, string Type)
{
    /// <summary>Whether the type is a reference type declared without nullable annotations (<c>#nullable disable</c>).</summary>
    public bool IsNullableOblivious { get; init; }

    /// <summary>Whether this is a partial property declaration without a body, which the generator can implement.</summary>
    public bool IsPartialDefinition { get; init; }

    /// <summary>The declaration's modifiers as written (<c>public partial</c>), repeated on the implementation.</summary>
    public string Modifiers { get; init; } = string.Empty;

    /// <summary>The accessors as written without bodies (<c>get</c>, <c>private set</c>, <c>init</c>).</summary>
    public EquatableArray<string> Accessors { get; init; }
}

/// <summary>Where a mapped class's problems are reported: its attribute's argument, and each property's.</summary>
/// <param name="QualifiedName">The class, as <see cref="MappedClassSpec.QualifiedName"/>.</param>
/// <param name="Anchors"><see cref="AttributeAnchor"/>, then each property's name, with the place of its attribute argument.</param>
internal sealed record MappedClassLocations(string QualifiedName, EquatableArray<AnchoredLocation> Anchors)
{
    public const string AttributeAnchor = "$Attribute";

    public LocationInfo? Find(string anchor)
    {
        foreach (var entry in Anchors)
        {
            if (entry.Anchor == anchor)
            {
                return entry.Location;
            }
        }

        return null;
    }
}

/// <summary>What the syntax step reads from one <c>[H3Form]</c> class: its model and, apart, its locations.</summary>
internal sealed record MappedClassInput(MappedClassSpec Spec, MappedClassLocations Locations);

/// <summary>A problem with a mapped class, anchored at <see cref="MappedClassLocations.AttributeAnchor"/> or a property's name.</summary>
internal sealed record MappedProblem(string Anchor, DiagnosticMessage Message);
