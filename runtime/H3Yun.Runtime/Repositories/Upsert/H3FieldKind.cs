namespace H3Yun.OpenApi;

/// <summary>How the values of a field are read, written and compared by an untyped upsert (<see cref="UntypedUpsert"/>).</summary>
public enum H3FieldKind
{
    /// <summary>Text (单行文本, 多行文本, 单选框, 下拉框): compared exactly.</summary>
    Text,

    /// <summary>Several texts (复选框), <c>;</c>-joined: compared in order, blanks dropped.</summary>
    MultiText,

    /// <summary>A number (数字): compared by value, <c>1</c> equals <c>1.0</c>.</summary>
    Number,

    /// <summary>A whole number (Int, Long).</summary>
    WholeNumber,

    /// <summary>Yes or no (是/否).</summary>
    Boolean,

    /// <summary>A date and time, compared as its clock time in H3Yun's zone to the second.</summary>
    DateTime,

    /// <summary>One person or department (人员单选, 部门单选), by id.</summary>
    Unit,

    /// <summary>Several people or departments (人员多选, 部门多选), by ids.</summary>
    UnitList,

    /// <summary>One associated record (关联表单), by its ObjectId.</summary>
    Association,

    /// <summary>Several associated records (关联表单多选), by their ObjectIds.</summary>
    AssociationList,

    /// <summary>A child table (子表): its rows, compared row by row, in order, on the fields the item's rows give.</summary>
    ChildTable,
}

/// <summary>A field of a form written without generated code: its code, its kind, and for a child table its rows' fields.</summary>
public sealed class H3FieldShape
{
    /// <summary>Creates the field.</summary>
    /// <param name="code">The field code (for a child table, its schema code).</param>
    /// <param name="kind">How its values are written and compared.</param>
    /// <param name="rowFields">A child table's fields; none for another kind.</param>
    /// <exception cref="ArgumentException">The code is blank, a child table has no row fields, or another kind has some.</exception>
    public H3FieldShape(string code, H3FieldKind kind, IReadOnlyList<H3FieldShape>? rowFields = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        rowFields ??= [];
        if ((kind == H3FieldKind.ChildTable) != (rowFields.Count > 0))
        {
            throw new ArgumentException($"The field {code}: a child table, and only a child table, has row fields.", nameof(rowFields));
        }

        if (rowFields.Any(static f => f is null || f.Kind == H3FieldKind.ChildTable))
        {
            throw new ArgumentException($"The child table {code}: a row field is null or is itself a child table.", nameof(rowFields));
        }

        Code = code;
        Kind = kind;
        RowFields = rowFields;
    }

    /// <summary>The field code.</summary>
    public string Code { get; }

    /// <summary>How its values are written and compared.</summary>
    public H3FieldKind Kind { get; }

    /// <summary>A child table's fields; empty for another kind.</summary>
    public IReadOnlyList<H3FieldShape> RowFields { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Code} ({Kind})";
}

/// <summary>A form written without generated code: its SchemaCode and the fields an upsert may write.</summary>
public sealed class H3FormShape
{
    /// <summary>Creates the form.</summary>
    /// <param name="schemaCode">The form's SchemaCode.</param>
    /// <param name="fields">The fields an upsert may write; a value for any other code is refused.</param>
    /// <exception cref="ArgumentException">The SchemaCode is blank, or a code is given twice.</exception>
    public H3FormShape(string schemaCode, IReadOnlyList<H3FieldShape> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaCode);
        ArgumentNullException.ThrowIfNull(fields);
        var byCode = new Dictionary<string, H3FieldShape>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            ArgumentNullException.ThrowIfNull(field, nameof(fields));
            if (!byCode.TryAdd(field.Code, field))
            {
                throw new ArgumentException($"The form {schemaCode} names the field {field.Code} twice.", nameof(fields));
            }
        }

        SchemaCode = schemaCode;
        Fields = fields;
        ByCode = byCode;
    }

    /// <summary>The form's SchemaCode.</summary>
    public string SchemaCode { get; }

    /// <summary>The fields, in the form's order: changed fields are reported in it.</summary>
    public IReadOnlyList<H3FieldShape> Fields { get; }

    internal IReadOnlyDictionary<string, H3FieldShape> ByCode { get; }
}
