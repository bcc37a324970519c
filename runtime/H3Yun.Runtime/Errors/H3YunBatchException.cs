namespace H3Yun;

/// <summary>
/// A batch create that the client sent in several requests failed part-way. <see cref="Items"/> says, for every item
/// in the order given, whether it was created (with its id), certainly not created, or may have been created; the
/// message says the same, and never advises sending an item whose outcome is unknown. The inner exception says why
/// the failing request failed.
/// </summary>
public sealed class H3YunBatchException : H3YunException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The batch action.</param>
    /// <param name="schemaCode">The form.</param>
    /// <param name="items">What happened to each item, in input order.</param>
    /// <param name="innerException">The failure of the request that stopped the batch.</param>
    public H3YunBatchException(string actionName, string? schemaCode, IReadOnlyList<BatchItemResult> items, Exception innerException)
        : base(
            actionName,
            schemaCode,
            BatchReport.Overall(items ?? throw new ArgumentNullException(nameof(items))),
            $"{Describe(actionName, schemaCode)} stopped part-way through {items.Count} records: {BatchReport.Describe(items)} "
            + $"Cause: {innerException?.Message}",
            innerException)
    {
        Items = items;
    }

    /// <summary>What happened to each item, in the order the items were given.</summary>
    public IReadOnlyList<BatchItemResult> Items { get; }

    /// <summary>The items that were created.</summary>
    public IReadOnlyList<BatchItemResult> Created => [.. Items.Where(static i => i.Outcome == WriteOutcome.Applied)];

    /// <summary>The items that certainly were not created: these may be sent again.</summary>
    public IReadOnlyList<BatchItemResult> NotCreated => [.. Items.Where(static i => i.Outcome == WriteOutcome.NotApplied)];

    /// <summary>The items that may or may not have been created: check before sending them again.</summary>
    public IReadOnlyList<BatchItemResult> Unknown => [.. Items.Where(static i => i.Outcome == WriteOutcome.Unknown)];
}
