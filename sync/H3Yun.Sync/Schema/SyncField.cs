namespace H3Yun.Sync.Schema;

/// <summary>One field of a form or child table, as the copy needs it.</summary>
/// <param name="Code">The field code, e.g. <c>F0000001</c>.</param>
/// <param name="DisplayName">The display name, if the schema gives one.</param>
/// <param name="PropertyName">The C# property name, if the schema gives one (the preferred column name).</param>
/// <param name="DataType">The BizDataType number.</param>
/// <param name="Multiple">Whether the field holds several values.</param>
internal sealed record SyncField(string Code, string? DisplayName, string? PropertyName, int DataType, bool Multiple)
{
    /// <summary>How the value is copied.</summary>
    public FieldShape Shape => FieldShapes.ShapeOf(DataType, Multiple);

    /// <summary>The type as recorded in <c>h3yun_columns</c>: the BizDataType name, with <c>[]</c> when multiple.</summary>
    public string DataTypeText => FieldShapes.NameOf(DataType) + (Multiple ? "[]" : string.Empty);
}
