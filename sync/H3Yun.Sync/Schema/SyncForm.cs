namespace H3Yun.Sync.Schema;

/// <summary>A form or child table as the copy needs it: its code, names, fields and child tables.</summary>
/// <param name="SchemaCode">The form's (or child table's) SchemaCode.</param>
/// <param name="DisplayName">The display name, if given.</param>
/// <param name="ClassName">The class name, if given (the preferred table name).</param>
/// <param name="Fields">The fields with a column, in schema order (child tables excluded).</param>
/// <param name="Children">The child tables (子表), in schema order.</param>
/// <param name="SourceJson">The schema's JSON text, recorded in <c>h3yun_forms</c> as what the table was built from.</param>
internal sealed record SyncForm(
    string SchemaCode,
    string? DisplayName,
    string? ClassName,
    IReadOnlyList<SyncField> Fields,
    IReadOnlyList<SyncChild> Children,
    string SourceJson);

/// <summary>A child table of a form: the field that holds it, and its own schema.</summary>
/// <param name="Field">The <c>BizObjectArray</c> field (its code is the child's SchemaCode).</param>
/// <param name="Form">The child table's schema.</param>
internal sealed record SyncChild(SyncField Field, SyncForm Form);
