namespace H3Yun.Spreadsheets;

/// <summary>A form as the writer needs it: its code and display name, its fields, its child tables with their fields.</summary>
internal sealed record SheetForm(string SchemaCode, string? DisplayName, IReadOnlyList<SheetField> Fields, IReadOnlyList<SheetForm> Children)
{
    /// <summary>
    /// Reads a schema file, by the reader the spreadsheet reader uses (<see cref="SheetSchema.ReadForm"/>), so that what
    /// is written is matched by what reads it.
    /// </summary>
    /// <param name="path">The schema file.</param>
    /// <returns>The form.</returns>
    /// <exception cref="SpreadsheetException">The file does not read as a schema.</exception>
    public static SheetForm Read(string path)
    {
        var form = SheetSchema.ReadForm(path);

        // The child tables' own fields stay among the form's, as the reader lists them for --field.
        var fields = form.Fields.Select(SheetField.Of).Concat(form.Children.Select(child => SheetField.Of(child.Field))).ToList();
        var children = form.Children
            .Select(child => new SheetForm(child.Field.Code, child.Field.DisplayName ?? child.Form.DisplayName, [.. child.Form.Fields.Select(SheetField.Of)], []))
            .ToList();
        return new SheetForm(form.SchemaCode, form.DisplayName, fields, children);
    }
}
