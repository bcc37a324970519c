namespace H3Yun.Cli.Schemas;

internal enum ChangeKind
{
    /// <summary>A field H3Yun has and the file lacks.</summary>
    Added,

    /// <summary>A field the file has and H3Yun no longer has.</summary>
    Removed,

    /// <summary>Something H3Yun knows about a field or form (its display name, data type, associated form) differs.</summary>
    Changed,
}

/// <summary>One difference between a schema file and H3Yun, in what H3Yun's backend can tell.</summary>
/// <param name="SchemaCode">The form.</param>
/// <param name="Field">The field's code, <c>child.code</c> inside a child table; empty for the form itself.</param>
/// <param name="FieldName">The field's display name.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Aspect">For a change: <c>DisplayName</c>, <c>DataType</c> or <c>AssociationSchemaCode</c>.</param>
/// <param name="Local">The file's value (for a removed field, its data type).</param>
/// <param name="Remote">H3Yun's value (for an added field, its data type).</param>
/// <param name="Note">What else is worth knowing, e.g. the local additions a removed field took with it.</param>
internal sealed record SchemaChange(string SchemaCode, string Field, string? FieldName, ChangeKind Kind, string? Aspect, string? Local, string? Remote, string? Note = null)
{
    public string Describe() => Kind switch
    {
        ChangeKind.Added => $"+ {Label} ({Remote})",
        ChangeKind.Removed => $"- {Label} ({Local}){(Note is null ? "" : ": " + Note)}",
        _ => $"~ {Label}: {Aspect} {Local ?? "(none)"} -> {Remote ?? "(none)"}",
    };

    private string Label => (Field.Length == 0 ? "(form)" : Field) + (FieldName is null || FieldName == Field ? "" : " " + FieldName);
}
