namespace H3Yun;

/// <summary>
/// A batch write that H3Yun took in several requests failed part-way. <see cref="CreatedObjectIds"/> lists what the
/// earlier requests did create, so nothing is lost and nothing needs to be sent twice; the inner exception says
/// why the failing request failed.
/// </summary>
public sealed class H3YunBatchException : H3YunException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The batch action.</param>
    /// <param name="schemaCode">The form.</param>
    /// <param name="createdCount">How many items earlier requests created.</param>
    /// <param name="createdObjectIds">The ids of those items, as far as H3Yun reported them.</param>
    /// <param name="totalCount">How many items the caller asked to create.</param>
    /// <param name="innerException">The failure of the request that stopped the batch.</param>
    public H3YunBatchException(
        string actionName,
        string? schemaCode,
        int createdCount,
        IReadOnlyList<string> createdObjectIds,
        int totalCount,
        H3YunException innerException)
        : base(
            actionName,
            schemaCode,
            $"{Describe(actionName, schemaCode)} stopped after creating {createdCount} of {totalCount} records: "
            + $"{innerException?.Message} Items {createdCount} and later were not created; send only those again.",
            innerException)
    {
        CreatedCount = createdCount;
        CreatedObjectIds = createdObjectIds;
    }

    /// <summary>How many of the items, counted from the first, were created before the failure.</summary>
    public int CreatedCount { get; }

    /// <summary>The ids H3Yun reported for the created items (empty when it reported none).</summary>
    public IReadOnlyList<string> CreatedObjectIds { get; }
}
