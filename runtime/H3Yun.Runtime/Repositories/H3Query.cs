namespace H3Yun;

/// <summary>
/// One LoadBizObjects call on the form <typeparamref name="TForm"/>, typed: the condition, the row window
/// (0-based <see cref="FromRowNum"/>, exclusive <see cref="ToRowNum"/>, 1 to 500 rows), the count, the fields to
/// return and the sort.
/// </summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
public sealed class H3Query<TForm>
    where TForm : H3BizObject
{
    /// <summary>The condition; <see langword="null"/> matches every record.</summary>
    public Condition<TForm>? Where { get; init; }

    /// <summary>The first row, 0-based, inclusive.</summary>
    public int FromRowNum { get; init; }

    /// <summary>The row to stop before, exclusive.</summary>
    public int ToRowNum { get; init; } = Filter.MaxPageSize;

    /// <summary>Whether to ask H3Yun for the number of matching records.</summary>
    public bool RequireCount { get; init; }

    /// <summary>
    /// The fields to return (<c>ReturnItems</c>); empty returns every field. <c>ObjectId</c> is always asked for too, so
    /// that the records can be updated; their child tables are not loaded unless selected, and cannot be changed then.
    /// </summary>
    public IReadOnlyList<H3Field<TForm>> Select { get; init; } = [];

    /// <summary>
    /// The sort (<c>SortByCollection</c>), sent only when not empty. H3Yun documents sorting as unsupported, so do
    /// not rely on the order; page on a stable condition instead.
    /// </summary>
    public IReadOnlyList<SortBy> OrderBy { get; init; } = [];

    /// <summary>The untyped filter this query sends, for the same window or another one.</summary>
    /// <param name="fromRowNum">The first row, or null for <see cref="FromRowNum"/>.</param>
    /// <param name="toRowNum">The row to stop before, or null for <see cref="ToRowNum"/>.</param>
    /// <returns>The filter.</returns>
    public Filter ToFilter(int? fromRowNum = null, int? toRowNum = null) => new()
    {
        FromRowNum = fromRowNum ?? FromRowNum,
        ToRowNum = toRowNum ?? ToRowNum,
        RequireCount = RequireCount,
        ReturnItems = Select.Count == 0 ? [] : [.. Select.Select(static field => field.Code).Prepend(SystemFields.ObjectId).Distinct(StringComparer.Ordinal)],
        SortByCollection = OrderBy,
        Matcher = Where?.Matcher,
    };
}
