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

    /// <summary>How many located errors are kept (the rest are counted); 1,000 by default.</summary>
    public int MaxErrors { get; init; } = 1000;
}
