namespace H3Yun.Sync.Schema;

/// <summary>How each H3Yun field data type (the shared <see cref="BizDataType"/>) is copied into SQL columns.</summary>
internal static class FieldShapes
{
    /// <summary>
    /// How a field is copied: the kind of its column and whether a <c>&lt;column&gt;_name</c> column sits beside it
    /// (people, departments and associations are copied as ids, with the display names H3Yun answers beside them).
    /// </summary>
    /// <param name="dataType">The type number.</param>
    /// <param name="multiple">Whether the field holds several values.</param>
    /// <returns>The value's shape.</returns>
    public static FieldShape ShapeOf(int dataType, bool multiple) => ((BizDataType)dataType, multiple) switch
    {
        (BizDataType.Bool, _) => FieldShape.Boolean,
        (BizDataType.DateTime, _) => FieldShape.Timestamp,
        (BizDataType.Double, _) => FieldShape.Decimal,
        (BizDataType.Int or BizDataType.Long, _) => FieldShape.Integer,
        (BizDataType.String or BizDataType.ShortString or BizDataType.Html or BizDataType.Xml, false) => FieldShape.Text,
        (BizDataType.String or BizDataType.ShortString, true) => FieldShape.TextList,
        (BizDataType.Unit, false) or (BizDataType.Association, false) => FieldShape.Reference,
        (BizDataType.UnitArray, _) or (BizDataType.Association, true) or (BizDataType.Unit, true) => FieldShape.ReferenceList,
        _ => FieldShape.Json,
    };

    /// <summary>The name of a type number, for messages and the <c>h3yun_columns</c> table.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The name, or the number as text for a type H3Yun may have added since.</returns>
    public static string NameOf(int number) =>
        BizDataTypes.All.Contains((BizDataType)number) ? ((BizDataType)number).ToString() : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How a field's value is copied into its column(s).</summary>
internal enum FieldShape
{
    /// <summary>Text as sent.</summary>
    Text,

    /// <summary>Several texts (a checkbox): a JSON array of strings, from an array or a <c>;</c>-joined string.</summary>
    TextList,

    /// <summary>A number with every digit (NUMERIC; TEXT in SQLite, whose NUMERIC would round through a double).</summary>
    Decimal,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A boolean, from <c>true</c>/<c>false</c> or their strings.</summary>
    Boolean,

    /// <summary>A date and time in H3Yun's zone (China, UTC+8), without an offset.</summary>
    Timestamp,

    /// <summary>One id (person, department, record) with its display name in <c>&lt;column&gt;_name</c>.</summary>
    Reference,

    /// <summary>Several ids as a JSON array, their names as a JSON array in <c>&lt;column&gt;_name</c>.</summary>
    ReferenceList,

    /// <summary>The value as JSON (address, location, attachments, and every type without a column of its own).</summary>
    Json,
}
