namespace H3Yun;

/// <content>Writes by business key.</content>
public abstract partial class H3Repository<TForm>
{
    /// <summary>
    /// Makes H3Yun hold <paramref name="items"/>, matched to its records by <paramref name="key"/>: creates the records
    /// no key matches (CreateBizObjects, in batches of <see cref="H3YunClientOptions.CreateBatchSize"/>), updates the
    /// ones that differ with only the fields that differ (UpdateBizObject, one per record; a child table by the rules of
    /// <see cref="UpdateAsync(string, TForm, CancellationToken)"/>, so give a table whole to replace it) and sends
    /// nothing for the rest. Only the fields assigned on an item count. The keys are looked up first, in <c>In</c>
    /// queries of at most 500 values. Running the same call again after any failure finishes the job without a
    /// duplicate: it looks every key up before writing anything. The items are not changed.
    /// </summary>
    /// <param name="items">The records H3Yun should hold.</param>
    /// <param name="key">The field or fields that identify a record, e.g. <c>SalesOrder.Where.OrderNumber</c>.</param>
    /// <param name="submit">As for <see cref="CreateAsync"/>: <see langword="false"/> creates drafts.</param>
    /// <param name="cancellationToken">Cancels the calls; run the same call again to finish.</param>
    /// <returns>One result per item, in input order: created, updated (with the fields), unchanged, failed (nothing written) or unknown.</returns>
    /// <exception cref="H3YunUpsertRefusedException">An item's key is empty, two items share a key, or two H3Yun records share one; nothing was written.</exception>
    /// <exception cref="H3YunException">A lookup failed; nothing was written.</exception>
    public Task<IReadOnlyList<UpsertItemResult>> UpsertManyAsync(IEnumerable<TForm> items, UpsertKey<TForm> key, bool submit = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);
        var all = items.ToList();
        if (all.Exists(static item => item is null))
        {
            throw new ArgumentException("The items cannot contain null.", nameof(items));
        }

        var source = new TypedUpsertSource<TForm>(all, Form, key, Client.Settings.TimeZone);
        return new UpsertEngine(Client, source).RunAsync(submit, cancellationToken);
    }
}
