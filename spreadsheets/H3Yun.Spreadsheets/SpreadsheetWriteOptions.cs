namespace H3Yun.Spreadsheets;

/// <summary>What <see cref="SpreadsheetWriter"/> writes.</summary>
public sealed class SpreadsheetWriteOptions
{
    /// <summary>
    /// The fields to write, by code or display name, in this order; a child table named here gets its sheet. Empty
    /// writes every field a spreadsheet holds, in schema order, and every child table.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// The form's key fields, by code or display name: always written on the form's sheet, and on every child table's
    /// sheet beside the parent's ObjectId, so that child rows can be matched to their parent by the key.
    /// </summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
}

/// <summary>How far a write is.</summary>
/// <param name="Records">The form's records written.</param>
/// <param name="ChildRows">The child-table rows taken from them.</param>
public sealed record SpreadsheetWriteProgress(long Records, long ChildRows);

/// <summary>One sheet written: an .xlsx sheet, or a .csv file.</summary>
/// <param name="Sheet">The sheet's name (for a CSV file, the name its sheet would have).</param>
/// <param name="File">The file it is in.</param>
/// <param name="SchemaCode">The form's or child table's SchemaCode.</param>
/// <param name="Rows">The rows below the header row.</param>
public sealed record SpreadsheetSheet(string Sheet, string File, string SchemaCode, long Rows);

/// <summary>What a write wrote.</summary>
/// <param name="Sheets">The form's sheet first, then one per child table.</param>
public sealed record SpreadsheetWriteResult(IReadOnlyList<SpreadsheetSheet> Sheets);
