namespace H3Yun.Spreadsheets;

/// <summary>How <see cref="SpreadsheetReader"/> reads a file.</summary>
public sealed class SpreadsheetReadOptions
{
    /// <summary>The key fields, by code or display name: each must have a column, and each row a value in it.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>The .xlsx sheet to read, by name; null reads the first sheet. Ignored for CSV.</summary>
    public string? Sheet { get; init; }

    /// <summary>How a CSV file's bytes are read; <see cref="CsvEncoding.Detect"/> by default.</summary>
    public CsvEncoding Encoding { get; init; } = CsvEncoding.Detect;

    /// <summary>
    /// Only the columns of these fields (by code or display name) are read, besides the keys; each must have a column.
    /// Empty (the default) reads every column that matches a field.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// The child table (by code or display name) whose rows the sheet holds, one a line; the <see cref="Keys"/> are then
    /// the form's own key fields, whose columns name each row's record. Null (the default) reads the form's records.
    /// A child table's sheet may hold no row (no record has one); a sheet of records may not.
    /// </summary>
    public string? ChildTable { get; init; }

    /// <summary>How many located errors are kept (the rest are counted); 1,000 by default.</summary>
    public int MaxErrors { get; init; } = 1000;
}
