namespace H3Yun.Sync.Schema;

/// <summary>
/// H3Yun's field data types (BizDataType) by name and number, and the SQL column kind each is copied into. The one
/// table of this library: a schema file may name a type either way, and the copy's column follows from it.
/// </summary>
internal static class BizDataTypes
{
    /// <summary>The child table type (子表); its rows go to a table of their own.</summary>
    public const int BizObjectArray = 41;

    private static readonly (string Name, int Number)[] Table =
    [
        ("Unspecified", -1), ("Bool", 1), ("DateTime", 5), ("Double", 7), ("Int", 9), ("Long", 11), ("String", 13),
        ("ShortString", 14), ("ByteArray", 20), ("Image", 23), ("File", 24), ("TimeSpan", 25), ("Unit", 26),
        ("UnitArray", 27), ("Html", 30), ("Xml", 32), ("BizObject", 40), ("BizObjectArray", 41), ("BizStructure", 42),
        ("BizStructureArray", 43), ("Association", 50), ("Map", 55), ("Address", 56),
    ];

    /// <summary>Reads a DataType given as a name (any case) or a number.</summary>
    /// <param name="name">The name, or null when the number was given.</param>
    /// <param name="number">The number, when given.</param>
    /// <param name="value">The number H3Yun uses.</param>
    /// <returns>Whether the type is known.</returns>
    public static bool TryParse(string? name, int? number, out int value)
    {
        foreach (var (typeName, typeNumber) in Table)
        {
            if ((name is not null && string.Equals(name, typeName, StringComparison.OrdinalIgnoreCase)) || number == typeNumber)
            {
                value = typeNumber;
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>The name of a type number, for messages and the <c>h3yun_columns</c> table.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The name, or the number as text.</returns>
    public static string NameOf(int number)
    {
        foreach (var (typeName, typeNumber) in Table)
        {
            if (typeNumber == number)
            {
                return typeName;
            }
        }

        return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// How a field is copied: the kind of its column and whether a <c>&lt;column&gt;_name</c> column sits beside it
    /// (people, departments and associations are copied as ids, with the display names H3Yun answers beside them).
    /// </summary>
    /// <param name="dataType">The type number.</param>
    /// <param name="multiple">Whether the field holds several values.</param>
    /// <returns>The value's shape.</returns>
    public static FieldShape ShapeOf(int dataType, bool multiple) => (dataType, multiple) switch
    {
        (1, _) => FieldShape.Boolean,
        (5, _) => FieldShape.Timestamp,
        (7, _) => FieldShape.Decimal,
        (9 or 11, _) => FieldShape.Integer,
        (13 or 14 or 30 or 32, false) => FieldShape.Text,
        (13 or 14, true) => FieldShape.TextList,
        (26, false) or (50, false) => FieldShape.Reference,
        (27, _) or (50, true) or (26, true) => FieldShape.ReferenceList,
        _ => FieldShape.Json,
    };
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
