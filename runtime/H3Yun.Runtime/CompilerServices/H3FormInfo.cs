namespace H3Yun.CompilerServices;

/// <summary>
/// What the runtime needs to know about a generated form, without reflection: its SchemaCode, its display name,
/// its field codes, and how to make an empty record.
/// </summary>
/// <typeparam name="T">The generated record type.</typeparam>
public sealed class H3FormInfo<T>
    where T : H3BizObject
{
    private readonly Func<T> _create;

    /// <summary>Creates the description. Generated code calls this once per form.</summary>
    /// <param name="schemaCode">The form's SchemaCode.</param>
    /// <param name="displayName">The form's display name (表单名称).</param>
    /// <param name="fieldCodes">The codes of the form's own fields and child tables.</param>
    /// <param name="create">Creates an empty record.</param>
    public H3FormInfo(string schemaCode, string displayName, IReadOnlyCollection<string> fieldCodes, Func<T> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaCode);
        ArgumentNullException.ThrowIfNull(fieldCodes);
        ArgumentNullException.ThrowIfNull(create);
        SchemaCode = schemaCode;
        DisplayName = displayName ?? schemaCode;
        FieldCodes = fieldCodes;
        _create = create;
    }

    /// <summary>The form's SchemaCode.</summary>
    public string SchemaCode { get; }

    /// <summary>The form's display name.</summary>
    public string DisplayName { get; }

    /// <summary>The codes of the form's own fields and child tables (system fields not included).</summary>
    public IReadOnlyCollection<string> FieldCodes { get; }

    /// <summary>Creates an empty record of the form.</summary>
    /// <returns>A new record with no field assigned.</returns>
    public T CreateRecord() => _create();
}
