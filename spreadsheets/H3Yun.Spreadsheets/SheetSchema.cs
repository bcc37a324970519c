namespace H3Yun.Spreadsheets;

/// <summary>A field of the form a spreadsheet is read into.</summary>
internal sealed record SheetField(string Code, string? DisplayName, BizDataType DataType, bool Multiple, IReadOnlyList<string> Options)
{
    public static SheetField Of(SchemaFileField field) => new(field.Code, field.DisplayName, field.Type, field.Multiple, field.Options);
}

/// <summary>
/// A form's schema file as a spreadsheet needs it, read by the reader every run-time library shares
/// (protocol/SchemaFiles, the generator's rules), its problems as <see cref="SpreadsheetException"/>.
/// </summary>
internal static class SheetSchema
{
    /// <summary>Reads a schema file whole: fields, option texts and child tables.</summary>
    /// <param name="path">The schema file.</param>
    /// <returns>The form.</returns>
    /// <exception cref="SpreadsheetException">The file does not read as a schema.</exception>
    public static SchemaFileForm ReadForm(string path)
    {
        try
        {
            return SchemaFileReader.ReadFile(path);
        }
        catch (SchemaFileException ex)
        {
            throw new SpreadsheetException(ex.Message, ex);
        }
    }
}
