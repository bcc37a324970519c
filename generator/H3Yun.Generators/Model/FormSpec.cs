namespace H3Yun.Generators.Model;

/// <summary>A form as the emitter needs it: every name already resolved to a valid, unique C# identifier.</summary>
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
    /// <summary>Where the SchemaCode is written, for cross-file diagnostics.</summary>
    public LocationInfo? SchemaCodeLocation { get; init; }

    /// <summary>Where the ClassName (or, without one, the DisplayName) is written.</summary>
    public LocationInfo? ClassNameLocation { get; init; }
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

    /// <summary>Where the field is declared.</summary>
    public LocationInfo? Location { get; init; }

    /// <summary>For option fields: the generated enum's name; its members parallel <see cref="Options"/>.</summary>
    public string? EnumTypeName { get; init; }

    /// <summary>For option fields: the enum member for each option text, in the same order.</summary>
    public EquatableArray<string> EnumMembers { get; init; }

    /// <summary>The second property some kinds get: the raw option text(s), or the unit(s) H3Yun reported.</summary>
    public string? CompanionName { get; init; }

    /// <summary>For associations whose form is in the project: the fully qualified generated class, set by the resolver.</summary>
    public string? AssociationType { get; init; }

    /// <summary>Whether the field is never written: a formula, or attachments, which the OpenApi cannot set.</summary>
    public bool ReadOnly { get; init; }
}

/// <summary>A child table (子表): its schema code and the generated row type.</summary>
/// <param name="SchemaCode">The child schema code; the rows travel under it.</param>
/// <param name="DisplayName">The child table's display name.</param>
/// <param name="ClassName">The generated row class, nested in the form's class.</param>
/// <param name="Fields">The row's fields, system fields excluded.</param>
internal sealed record TableSpec(string SchemaCode, string DisplayName, string ClassName, EquatableArray<FieldSpec> Fields);

/// <summary>The C# shape of a field; each maps to one reader, one writer and one filter handle.</summary>
internal enum FieldKind
{
    Text,
    TextList,
    Option,
    OptionList,
    Decimal,
    Int32,
    Int64,
    DateTime,
    Boolean,
    Unit,
    UnitList,
    Association,
    AssociationList,
    Address,
    Location,
    Attachments,
    ChildTable,
    Raw,
}
