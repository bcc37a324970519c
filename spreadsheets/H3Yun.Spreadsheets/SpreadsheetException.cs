namespace H3Yun.Spreadsheets;

/// <summary>One problem in a spreadsheet, where the spreadsheet shows it.</summary>
/// <param name="Sheet">The sheet's name (a CSV file's name).</param>
/// <param name="Row">The row as the spreadsheet numbers it (1 is the header row).</param>
/// <param name="Column">The column's header, or its letter when it has none.</param>
/// <param name="Value">The cell's value as read, or null.</param>
/// <param name="Expected">What was expected.</param>
public sealed record SpreadsheetError(string Sheet, int Row, string? Column, string? Value, string Expected)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Sheet}, row {Row}{(Column is null ? string.Empty : $", column '{Column}'")}{(Value is null ? string.Empty : $", value '{Value}'")}: expected {Expected}";
}

/// <summary>A spreadsheet, or the schema it is read by, cannot be read; <see cref="Errors"/> locates every problem found.</summary>
public sealed class SpreadsheetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SpreadsheetException()
        : this("The spreadsheet cannot be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public SpreadsheetException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SpreadsheetException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Creates the exception from located errors.</summary>
    /// <param name="errors">The errors, in file order.</param>
    /// <param name="more">How many further errors were found but not kept.</param>
    public SpreadsheetException(IReadOnlyList<SpreadsheetError> errors, int more)
        : base(Describe(errors, more)) => Errors = errors;

    /// <summary>Every located problem, in file order (at most <see cref="SpreadsheetReadOptions.MaxErrors"/>).</summary>
    public IReadOnlyList<SpreadsheetError> Errors { get; }

    private static string Describe(IReadOnlyList<SpreadsheetError> errors, int more) =>
        $"The spreadsheet has {errors.Count + more} problem(s); nothing was read:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Take(20).Select(e => "  " + e))
        + (errors.Count + more > 20 ? $"{Environment.NewLine}  … and {errors.Count + more - 20} more" : string.Empty);
}
