using H3Yun.Generators.Kinds;

namespace H3Yun.Generators.Model;

/// <summary>
/// A form as the emitter needs it: every name already a valid, unique C# identifier. It holds no source location,
/// so that an edit that moves text without changing the form (whitespace, comments) leaves it equal and its
/// generated file cached; the locations travel beside it in <see cref="SchemaLocations"/>.
/// </summary>
/// <param name="SchemaCode">The form's SchemaCode.</param>
/// <param name="DisplayName">The form's display name (表单名称).</param>
/// <param name="ClassName">The generated class's name.</param>
/// <param name="Namespace">The namespace, resolved; null until the resolver sets it from the project.</param>
/// <param name="Fields">The form's own fields, system fields excluded, in schema order.</param>
/// <param name="FilePath">The schema file, for diagnostics and the generated file's header.</param>
internal sealed record FormSpec(
    string SchemaCode,
    string DisplayName,
    string ClassName,
    string? Namespace,
    EquatableArray<FieldSpec> Fields,
    string FilePath)
{
    /// <summary>Whether the schema wrote ClassName; a rename of a written name is a warning, of a derived one only information.</summary>
    public bool ClassNameWritten { get; init; }

    /// <summary>The class as generated code names it.</summary>
    public TypeName Type => new(Namespace ?? string.Empty, ClassName);
}

/// <summary>A generated class's namespace and name.</summary>
internal sealed record TypeName(string Namespace, string Name)
{
    /// <summary>Fully qualified, as generated code writes every type.</summary>
    public string Qualified => Namespace.Length == 0 ? "global::" + Name : "global::" + Namespace + "." + Name;
}

/// <summary>One field of a form or child table.</summary>
/// <param name="Code">The field code (<c>Name</c> in H3Yun's PropertySchema).</param>
/// <param name="DisplayName">The field's display name (控件名称).</param>
/// <param name="PropertyName">The generated property's name.</param>
/// <param name="Kind">How the field is typed in C# and on the wire.</param>
/// <param name="DataType">H3Yun's BizDataType name, e.g. <c>ShortString</c>.</param>
internal sealed record FieldSpec(string Code, string DisplayName, string PropertyName, FieldKind Kind, string DataType)
{
    /// <summary>The option texts of a radio, dropdown or checkbox field.</summary>
    public EquatableArray<string> Options { get; init; }

    /// <summary>Whether the field holds several values.</summary>
    public bool Multiple { get; init; }

    /// <summary>The form an association points at.</summary>
    public string? AssociationSchemaCode { get; init; }

    /// <summary>The rows of a child table.</summary>
    public TableSpec? ChildTable { get; init; }

    /// <summary>For option fields: the generated enum's name; its members parallel <see cref="Options"/>.</summary>
    public string? EnumTypeName { get; init; }

    /// <summary>For option fields: the enum member for each option text, in the same order.</summary>
    public EquatableArray<string> EnumMembers { get; init; }

    /// <summary>The second property some kinds get: the raw option text(s), or the unit(s) H3Yun reported.</summary>
    public string? CompanionName { get; init; }

    /// <summary>For associations whose form is in the project: its generated class, set by the resolver.</summary>
    public TypeName? AssociationTarget { get; init; }

    /// <summary>Whether the field is never written: a formula, or attachments, which the OpenApi cannot set.</summary>
    public bool ReadOnly { get; init; }
}

/// <summary>A child table (子表): its schema code and the generated row type.</summary>
/// <param name="SchemaCode">The child schema code; the rows travel under it.</param>
/// <param name="DisplayName">The child table's display name.</param>
/// <param name="ClassName">The generated row class, nested in the form's class.</param>
/// <param name="Fields">The row's fields, system fields excluded.</param>
internal sealed record TableSpec(string SchemaCode, string DisplayName, string ClassName, EquatableArray<FieldSpec> Fields);
