namespace H3Yun;

/// <summary>
/// A batch create was cancelled part-way. Like <see cref="H3YunBatchException"/>, <see cref="Items"/> says what
/// happened to every item, so that the records already created are not lost and none is sent twice.
/// </summary>
public sealed class H3YunBatchCanceledException : H3YunCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The batch action.</param>
    /// <param name="schemaCode">The form.</param>
    /// <param name="items">What happened to each item, in input order.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    /// <param name="innerException">The cancellation of the request in progress.</param>
    public H3YunBatchCanceledException(
        string actionName, string? schemaCode, IReadOnlyList<BatchItemResult> items, CancellationToken cancellationToken, Exception? innerException = null)
        : base(
            actionName,
            schemaCode,
            BatchReport.Overall(items ?? throw new ArgumentNullException(nameof(items))),
            innerException,
            $"{OutcomeText.Describe(actionName, schemaCode)} was cancelled part-way through {items.Count} records: {BatchReport.Describe(items)}",
            cancellationToken)
    {
        Items = items;
    }

    /// <summary>What happened to each item, in the order the items were given.</summary>
    public IReadOnlyList<BatchItemResult> Items { get; }
}
