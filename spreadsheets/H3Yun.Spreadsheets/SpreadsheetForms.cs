using H3Yun.OpenApi;
using MiniExcelLibs;

namespace H3Yun.Spreadsheets;

/// <summary>A child table of a form, as a second sheet or file of rows names it.</summary>
/// <param name="Code">The child table's schema code.</param>
/// <param name="DisplayName">Its display name, if the schema gives one.</param>
public sealed record SpreadsheetChildTable(string Code, string? DisplayName);

/// <summary>What an import needs of a form's schema and a workbook besides the rows: the fields' kinds, child tables, sheets.</summary>
public static class SpreadsheetForms
{
    /// <summary>
    /// The form's fields that a spreadsheet can hold, with the kind the untyped upsert writes and compares them by
    /// (<see cref="UntypedUpsert"/>): the one mapping from a schema's DataType to an <see cref="H3FieldKind"/>.
    /// </summary>
    /// <param name="schemaFile">The form's <c>*.h3form.json</c> file.</param>
    /// <returns>The form's shape, child tables included.</returns>
    /// <exception cref="SpreadsheetException">The schema file does not read.</exception>
    public static H3FormShape Shape(string schemaFile)
    {
        var form = SheetSchema.ReadForm(schemaFile);
        var fields = Fields(form.Fields).ToList();
        foreach (var child in form.Children)
        {
            var rows = Fields(child.Form.Fields).ToList();
            if (rows.Count > 0)
            {
                fields.Add(new H3FieldShape(child.Field.Code, H3FieldKind.ChildTable, rows));
            }
        }

        return new H3FormShape(form.SchemaCode, fields);
    }

    /// <summary>The form's child tables.</summary>
    /// <param name="schemaFile">The form's <c>*.h3form.json</c> file.</param>
    /// <returns>The child tables, in schema order.</returns>
    /// <exception cref="SpreadsheetException">The schema file does not read.</exception>
    public static IReadOnlyList<SpreadsheetChildTable> ChildTables(string schemaFile) =>
        [.. SheetSchema.ReadForm(schemaFile).Children.Select(static c => new SpreadsheetChildTable(c.Field.Code, c.Field.DisplayName))];

    /// <summary>The sheets of an .xlsx workbook, in order; a CSV file has one, named as the file.</summary>
    /// <param name="file">The .xlsx or .csv file.</param>
    /// <returns>The sheet names.</returns>
    /// <exception cref="SpreadsheetException">The file is not a workbook.</exception>
    public static IReadOnlyList<string> SheetNames(string file)
    {
        if (!string.Equals(Path.GetExtension(file), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return [Path.GetFileName(file)];
        }

        try
        {
            return MiniExcel.GetSheetNames(file);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or IOException)
        {
            throw new SpreadsheetException([new SpreadsheetError(Path.GetFileName(file), 0, null, null, $"an .xlsx workbook (an Office Open XML package): {ex.Message}")], 0);
        }
    }

    private static IEnumerable<H3FieldShape> Fields(IEnumerable<SchemaFileField> fields)
    {
        foreach (var field in fields)
        {
            if (KindOf(SheetField.Of(field)) is { } kind)
            {
                yield return new H3FieldShape(field.Code, kind);
            }
        }
    }

    /// <summary>The kind a cell of the field converts to (<see cref="CellConverter"/>), or null for a field not read from cells.</summary>
    internal static H3FieldKind? KindOf(SheetField field) => (field.DataType, field.Multiple) switch
    {
        (BizDataType.String or BizDataType.ShortString, false) => H3FieldKind.Text,
        (BizDataType.String or BizDataType.ShortString, true) => H3FieldKind.MultiText,
        (BizDataType.Double, _) => H3FieldKind.Number,
        (BizDataType.Int or BizDataType.Long, _) => H3FieldKind.WholeNumber,
        (BizDataType.Bool, _) => H3FieldKind.Boolean,
        (BizDataType.DateTime, _) => H3FieldKind.DateTime,
        (BizDataType.Unit, false) => H3FieldKind.Unit,
        (BizDataType.Unit, true) or (BizDataType.UnitArray, _) => H3FieldKind.UnitList,
        (BizDataType.Association, false) => H3FieldKind.Association,
        (BizDataType.Association, true) => H3FieldKind.AssociationList,
        _ => null,
    };
}
