namespace H3Yun.OpenApi;

/// <summary>
/// Writes by business key to a form without generated code (an import from a spreadsheet, a form known only at run
/// time): the same job as <see cref="H3Repository{TForm}.UpsertManyAsync"/>, with each item a field code → value
/// dictionary and the fields' kinds from an <see cref="H3FormShape"/>. docs/write-data-into-h3yun.md.
/// </summary>
public static class UntypedUpsert
{
    /// <summary>
    /// Makes H3Yun hold <paramref name="items"/>, matched by <paramref name="key"/>: looks the keys up, creates the
    /// missing records, updates only the fields that differ, sends nothing for the rest. Running the same call again
    /// after any failure finishes the job without a duplicate.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="form">The form and its fields' kinds.</param>
    /// <param name="items">
    /// The records: field code → value. Only the codes an item holds are compared and written; <see langword="null"/>
    /// clears a field. A value is what its kind takes: text as a string; several values as a <c>;</c>-joined string or
    /// strings; a number as a decimal, double, integer or numeric string; a date as a DateTime, DateTimeOffset or text
    /// (2026-01-05 08:00:00, 2026/1/5 8:00:00); a yes/no as a bool; people, departments and records as ids; a child table
    /// as a list of row dictionaries, given whole.
    /// </param>
    /// <param name="key">The codes of the key's fields.</param>
    /// <param name="submit"><see langword="false"/> creates drafts.</param>
    /// <param name="cancellationToken">Cancels the calls; run the same call again to finish.</param>
    /// <returns>One result per item, in input order.</returns>
    /// <exception cref="ArgumentException">A key field or an item's value does not fit the form; nothing was sent.</exception>
    /// <exception cref="H3YunUpsertRefusedException">Empty or repeated keys, in the items or in H3Yun; nothing was written.</exception>
    /// <exception cref="H3YunException">A lookup failed; nothing was written.</exception>
    public static async Task<IReadOnlyList<UpsertItemResult>> UpsertManyAsync(
        this H3YunClient client,
        H3FormShape form,
        IEnumerable<IReadOnlyDictionary<string, object?>> items,
        IReadOnlyList<string> key,
        bool submit = true,
        CancellationToken cancellationToken = default)
    {
        var plan = await client.PlanUpsertAsync(form, items, key, cancellationToken).ConfigureAwait(false);
        return await plan.ApplyAsync(submit, progress: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Does everything <see cref="UpsertManyAsync"/> does before its first write: checks the items, looks the keys up
    /// (⌈keys / 500⌉ requests) and compares. Nothing is written; <see cref="UpsertPlan.ApplyAsync"/> writes the plan.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="form">The form and its fields' kinds.</param>
    /// <param name="items">The records, as for <see cref="UpsertManyAsync"/>.</param>
    /// <param name="key">The codes of the key's fields.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>What each item needs: created, updated (with the fields), unchanged, or failed (its update refused).</returns>
    /// <exception cref="ArgumentException">A key field or an item's value does not fit the form; nothing was sent.</exception>
    /// <exception cref="H3YunUpsertRefusedException">Empty or repeated keys, in the items or in H3Yun; nothing was written.</exception>
    /// <exception cref="H3YunException">A lookup failed; nothing was written.</exception>
    public static async Task<UpsertPlan> PlanUpsertAsync(
        this H3YunClient client,
        H3FormShape form,
        IEnumerable<IReadOnlyDictionary<string, object?>> items,
        IReadOnlyList<string> key,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);
        var all = items.ToList();
        if (all.Exists(static item => item is null))
        {
            throw new ArgumentException("The items cannot contain null.", nameof(items));
        }

        return await client.PlanUpsertAsync(form, () => all, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans an upsert of items read from a source too large to hold, such as a file of a million rows: the items are
    /// read three times, streamed (to check them and map their keys, to look the keys up and compare, and by
    /// <see cref="UpsertPlan.ApplyAsync"/> to write), and only the key map is held between readings: per item its key,
    /// a digest of its values and what it needs. An item whose values differ on a later reading is refused (changed
    /// before the lookups) or failed and not written (changed before the writes).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="form">The form and its fields' kinds.</param>
    /// <param name="readItems">Reads the items from the first, as for <see cref="UpsertManyAsync"/>; each call must give the same items in the same order.</param>
    /// <param name="key">The codes of the key's fields.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>What each item needs, as <see cref="PlanUpsertAsync(H3YunClient, H3FormShape, IEnumerable{IReadOnlyDictionary{string, object}}, IReadOnlyList{string}, CancellationToken)"/> returns it.</returns>
    /// <exception cref="ArgumentException">A key field or an item's value does not fit the form; nothing was sent.</exception>
    /// <exception cref="H3YunUpsertRefusedException">Empty or repeated keys, in the items or in H3Yun; nothing was written.</exception>
    /// <exception cref="InvalidOperationException">A reading gave other items than the first; nothing was written.</exception>
    /// <exception cref="H3YunException">A lookup failed; nothing was written.</exception>
    public static async Task<UpsertPlan> PlanUpsertAsync(
        this H3YunClient client,
        H3FormShape form,
        Func<IEnumerable<IReadOnlyDictionary<string, object?>>> readItems,
        IReadOnlyList<string> key,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(readItems);
        ArgumentNullException.ThrowIfNull(key);
        var engine = new UpsertEngine(client, new UntypedUpsertSource(form, readItems, key, client.Settings.TimeZone));
        return new UpsertPlan(engine, await engine.PlanAsync(cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>
/// What an upsert found to do, before any write (<see cref="UntypedUpsert.PlanUpsertAsync(H3YunClient, H3FormShape, IEnumerable{IReadOnlyDictionary{string, object}}, IReadOnlyList{string}, CancellationToken)"/>): per item, the record to
/// create, the fields to update, or nothing. Apply it once, soon: what H3Yun holds may change meanwhile, and a plan
/// applied late writes what it found then (a record created meanwhile by someone else is created twice).
/// </summary>
public sealed class UpsertPlan
{
    private readonly UpsertEngine _engine;
    private readonly UpsertEngine.Plan _plan;
    private int _applied;

    internal UpsertPlan(UpsertEngine engine, UpsertEngine.Plan plan)
    {
        _engine = engine;
        _plan = plan;
    }

    /// <summary>
    /// Per item, in input order, what applying the plan does: <see cref="UpsertOutcome.Created"/> (no id yet),
    /// <see cref="UpsertOutcome.Updated"/> (the record's id and the fields to send), <see cref="UpsertOutcome.Unchanged"/>,
    /// or <see cref="UpsertOutcome.Failed"/> (an update refused before sending, with why).
    /// </summary>
    public IReadOnlyList<UpsertItemResult> Items => _plan.Items;

    /// <summary>The number of records to create.</summary>
    public int ToCreate => _plan.Count(UpsertOutcome.Created);

    /// <summary>The number of records to update.</summary>
    public int ToUpdate => _plan.Count(UpsertOutcome.Updated);

    /// <summary>The number of records that already hold the items' values.</summary>
    public int Unchanged => _plan.Count(UpsertOutcome.Unchanged);

    /// <summary>The LoadBizObjects requests the lookups took.</summary>
    public int LookupRequests => _plan.Lookups;

    /// <summary>
    /// The requests applying the plan takes: ⌈creates / <see cref="H3YunClientOptions.CreateBatchSize"/>⌉ plus one per
    /// update (retries of reads aside).
    /// </summary>
    /// <param name="createBatchSize">The client's <see cref="H3YunClientOptions.CreateBatchSize"/>.</param>
    /// <returns>The number of write requests.</returns>
    public int WriteRequests(int createBatchSize) =>
        ((ToCreate + Math.Max(1, createBatchSize) - 1) / Math.Max(1, createBatchSize)) + ToUpdate;

    /// <summary>Writes the plan, reading the items once more: creates in batches and an update per changed record, in the items' order; reports each item as it is done.</summary>
    /// <param name="submit"><see langword="false"/> creates drafts.</param>
    /// <param name="progress">Told each item's result as its write ends; called on the writing flow, in order.</param>
    /// <param name="cancellationToken">Cancels the writes; run the whole upsert again to finish.</param>
    /// <returns>One result per item, in input order, as <see cref="UntypedUpsert.UpsertManyAsync"/> returns them.</returns>
    /// <exception cref="InvalidOperationException">The plan was applied before; plan again, since a write may have changed what H3Yun holds.</exception>
    public Task<IReadOnlyList<UpsertItemResult>> ApplyAsync(bool submit = true, IProgress<UpsertItemResult>? progress = null, CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref _applied, 1) == 0
            ? _engine.ApplyAsync(_plan, submit, progress, cancellationToken)
            : throw new InvalidOperationException("This upsert plan was applied already: make a new plan (PlanUpsertAsync), which looks every key up again, rather than writing blindly.");
}
