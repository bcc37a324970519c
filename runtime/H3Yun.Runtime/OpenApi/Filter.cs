namespace H3Yun.OpenApi;

/// <summary>
/// The <c>Filter</c> of a LoadBizObjects call (docs/protocol.md#filter): a row window, the fields to return, an optional sort,
/// and the matcher tree. The window is checked before any request is sent.
/// </summary>
public sealed class Filter
{
    /// <summary>The most rows H3Yun returns for one call.</summary>
    public const int MaxPageSize = OpenApiNames.MaxRowsPerRead;

    /// <summary>The first row to return, 0-based, inclusive.</summary>
    public int FromRowNum { get; init; }

    /// <summary>The row to stop before, exclusive. The window <c>ToRowNum - FromRowNum</c> is 1 to 500 rows.</summary>
    public int ToRowNum { get; init; } = MaxPageSize;

    /// <summary>Whether to ask H3Yun for the number of matching rows (<c>TotalCount</c>).</summary>
    public bool RequireCount { get; init; }

    /// <summary>The field codes to return; empty returns every field.</summary>
    public IReadOnlyList<string> ReturnItems { get; init; } = [];

    /// <summary>
    /// The sort, sent only when not empty. H3Yun documents sorting as unsupported ("目前不支持使用"); the
    /// shape sent is the one H3Yun's own tools emit.
    /// </summary>
    public IReadOnlyList<SortBy> SortByCollection { get; init; } = [];

    /// <summary>The matcher tree; <see langword="null"/> matches every record.</summary>
    public Matcher? Matcher { get; init; }

    /// <summary>Checks the window H3Yun accepts, so that a bad one fails here rather than on the server.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty, negative or larger than 500 rows.</exception>
    public void Validate()
    {
        if (FromRowNum < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FromRowNum), FromRowNum, "FromRowNum is 0-based and cannot be negative.");
        }

        var size = (long)ToRowNum - FromRowNum;
        if (size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ToRowNum),
                ToRowNum,
                $"The window FromRowNum {FromRowNum} to ToRowNum {ToRowNum} (exclusive) holds {size} rows; H3Yun returns 1 to {MaxPageSize} rows per call. "
                + "Page through larger results with QueryAllAsync.");
        }
    }
}
