using H3Yun.Sync.Schema;

namespace H3Yun.Sync.Storage;

/// <summary>What a column holds: a field's value, or the display names beside a reference's ids.</summary>
internal enum ColumnRole
{
    /// <summary>The value (for a reference, the id or ids).</summary>
    Value,

    /// <summary>The display name (or names) of a reference, in <c>&lt;column&gt;_name</c>.</summary>
    DisplayName,
}

/// <summary>One column of a copied table.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Field">The field it copies.</param>
/// <param name="Kind">Its SQL kind.</param>
/// <param name="Role">Value or display name.</param>
internal sealed record LayoutColumn(string Name, SyncField Field, ColumnKind Kind, ColumnRole Role);

/// <summary>
/// The table of a form or child table: its name and a column per field (two for references), with the system fields
/// under H3Yun's own names. Besides these every table has <c>ObjectId</c> (the key), <c>_json</c> (the record or row
/// exactly as H3Yun sent it) and, for a form, <c>_deleted_at</c>; a child table has <c>ParentObjectId</c> and
/// <c>_row_index</c>. Names chosen once are kept (read back from <c>h3yun_columns</c>), so a renamed display name never
/// renames a column.
/// </summary>
internal sealed class TableLayout
{
    /// <summary>The column names every table reserves for the copy's own use.</summary>
    public static readonly string[] Reserved = [SystemFieldCodes.ObjectId, SystemFieldCodes.ParentObjectId, "_json", "_deleted_at", "_row_index"];

    // The system fields but the ObjectId key, typed as H3Yun reads them: people as ids with names, dates, the status.
    private static readonly SyncField[] FormSystemFields =
        [.. SystemFieldCodes.OnRecord.Where(code => code != SystemFieldCodes.ObjectId).Select(code => new SyncField(code, null, null, (int)SystemFieldType(code), false))];

    private static readonly SyncField[] ChildSystemFields = [new(SystemFieldCodes.Name, null, null, (int)BizDataType.ShortString, false)];

    private static BizDataType SystemFieldType(string code) =>
        SystemFieldCodes.IsPeople(code) ? BizDataType.Unit
        : SystemFieldCodes.Dates.Contains(code) ? BizDataType.DateTime
        : code == SystemFieldCodes.Status ? BizDataType.Int
        : BizDataType.ShortString;

    private TableLayout(string schemaCode, string tableName, bool isChild, IReadOnlyList<LayoutColumn> columns)
    {
        SchemaCode = schemaCode;
        TableName = tableName;
        IsChild = isChild;
        Columns = columns;
    }

    /// <summary>The SchemaCode of the form or child table.</summary>
    public string SchemaCode { get; }

    /// <summary>The table's name.</summary>
    public string TableName { get; }

    /// <summary>Whether this is a child table (rows keyed by ObjectId with a ParentObjectId).</summary>
    public bool IsChild { get; }

    /// <summary>The field columns, system fields first.</summary>
    public IReadOnlyList<LayoutColumn> Columns { get; }

    /// <summary>Lays out a table.</summary>
    /// <param name="form">The form or child table.</param>
    /// <param name="tableName">The table's name.</param>
    /// <param name="isChild">Whether it is a child table.</param>
    /// <param name="existing">Column names already chosen, by field code and role (from <c>h3yun_columns</c>).</param>
    /// <returns>The layout.</returns>
    public static TableLayout Build(SyncForm form, string tableName, bool isChild, IReadOnlyDictionary<(string Field, ColumnRole Role), string> existing)
    {
        var taken = new HashSet<string>(Reserved, StringComparer.OrdinalIgnoreCase);
        foreach (var name in existing.Values)
        {
            taken.Add(name);
        }

        var columns = new List<LayoutColumn>();
        foreach (var field in isChild ? ChildSystemFields : FormSystemFields)
        {
            Add(columns, taken, existing, field, field.Code);
        }

        foreach (var field in form.Fields)
        {
            if (Array.Exists(isChild ? ChildSystemFields : FormSystemFields, system => system.Code == field.Code)
                || Array.Exists(Reserved, reserved => reserved == field.Code))
            {
                continue; // a schema may list the system fields; they are laid out above
            }

            var preferred = SqlNames.Safe(field.PropertyName) ?? SqlNames.Safe(field.DisplayName) ?? SqlNames.Safe(field.Code) ?? field.Code;
            var needsName = field.Shape is FieldShape.Reference or FieldShape.ReferenceList;
            if (!existing.ContainsKey((field.Code, ColumnRole.Value)) && (taken.Contains(preferred) || (needsName && taken.Contains(preferred + "_name"))))
            {
                preferred = SqlNames.Safe(preferred + "_" + field.Code) ?? field.Code;
            }

            Add(columns, taken, existing, field, preferred);
        }

        return new TableLayout(form.SchemaCode, tableName, isChild, columns);
    }

    private static void Add(List<LayoutColumn> columns, HashSet<string> taken, IReadOnlyDictionary<(string Field, ColumnRole Role), string> existing, SyncField field, string preferred)
    {
        var (kind, nameKind) = field.Shape switch
        {
            FieldShape.Text => (ColumnKind.Text, (ColumnKind?)null),
            FieldShape.TextList => (ColumnKind.Json, null),
            FieldShape.Decimal => (ColumnKind.Decimal, null),
            FieldShape.Integer => (ColumnKind.Integer, null),
            FieldShape.Boolean => (ColumnKind.Boolean, null),
            FieldShape.Timestamp => (ColumnKind.Timestamp, null),
            FieldShape.Reference => (ColumnKind.Text, ColumnKind.Text),
            FieldShape.ReferenceList => (ColumnKind.Json, ColumnKind.Json),
            _ => (ColumnKind.Json, null),
        };
        var name = existing.TryGetValue((field.Code, ColumnRole.Value), out var kept) ? kept : preferred;
        taken.Add(name);
        columns.Add(new LayoutColumn(name, field, kind, ColumnRole.Value));
        if (nameKind is { } displayKind)
        {
            var displayName = existing.TryGetValue((field.Code, ColumnRole.DisplayName), out var keptName) ? keptName : name + "_name";
            taken.Add(displayName);
            columns.Add(new LayoutColumn(displayName, field, displayKind, ColumnRole.DisplayName));
        }
    }
}
