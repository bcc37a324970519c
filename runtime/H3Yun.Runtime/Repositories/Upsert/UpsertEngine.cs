using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Makes H3Yun hold the items of an <see cref="UpsertSource"/>, matched by key (docs/write-data-into-h3yun.md):
/// refuses empty and repeated keys, looks the keys up in <c>In</c> windows of at most 500 values, refuses keys that
/// H3Yun holds twice, and only then writes: creates in CreateBizObjects batches, an update per changed record with
/// the fields that differ, nothing for the rest. A write is never repeated: whatever failed is found by the lookup
/// of the next call.
/// </summary>
internal sealed class UpsertEngine(H3YunClient client, UpsertSource source)
{
    private readonly string[] _keys = new string[source.Count];
    private readonly JsonDocument?[] _items = new JsonDocument?[source.Count];

    public async Task<IReadOnlyList<UpsertItemResult>> RunAsync(bool submit, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(cancellationToken).ConfigureAwait(false);
        return await ApplyAsync(plan, submit, progress: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Everything before the first write: refuses empty and repeated keys, looks the keys up, refuses keys H3Yun holds
    /// twice, compares, and makes every update's body. The plan's results say what each item's write would be.
    /// </summary>
    public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
    {
        try
        {
            var positions = ReadItems();
            var lookups = 0;
            var stored = await LookUpAsync(positions, () => lookups++, cancellationToken).ConfigureAwait(false);
            var planned = new UpsertItemResult[source.Count];
            var creates = new List<int>();
            var updates = new List<PlannedUpdate>();
            for (var i = 0; i < source.Count; i++)
            {
                if (!stored.TryGetValue(_keys[i], out var record))
                {
                    creates.Add(i);
                    planned[i] = new UpsertItemResult(i, UpsertOutcome.Created, null, [], null);
                    continue;
                }

                var changed = Differences(i, record.Values);
                if (changed.Count == 0)
                {
                    planned[i] = new UpsertItemResult(i, UpsertOutcome.Unchanged, record.ObjectId, [], null);
                    continue;
                }

                // Every body is made before anything is written: a refused one fails its item and no other.
                try
                {
                    updates.Add(new PlannedUpdate(i, record.ObjectId, changed, source.UpdateBody(i, record.ObjectId, changed), null));
                    planned[i] = new UpsertItemResult(i, UpsertOutcome.Updated, record.ObjectId, changed, null);
                }
                catch (InvalidOperationException refusal)
                {
                    updates.Add(new PlannedUpdate(i, record.ObjectId, changed, null, refusal));
                    planned[i] = new UpsertItemResult(i, UpsertOutcome.Failed, record.ObjectId, changed, refusal);
                }
            }

            return new Plan(planned, creates, updates, lookups);
        }
        finally
        {
            Array.ForEach(_items, static document => document?.Dispose());
        }
    }

    /// <summary>Writes what <paramref name="plan"/> found to write: the creates in batches, then the updates; reports each item written.</summary>
    public async Task<IReadOnlyList<UpsertItemResult>> ApplyAsync(Plan plan, bool submit, IProgress<UpsertItemResult>? progress, CancellationToken cancellationToken)
    {
        var results = new UpsertItemResult?[source.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if (plan.Items[i].Outcome == UpsertOutcome.Unchanged)
            {
                results[i] = plan.Items[i];
            }
        }

        await CreateAsync(plan.Creates, submit, results, progress, cancellationToken).ConfigureAwait(false);
        foreach (var (index, objectId, changed, body, refusal) in plan.Updates)
        {
            results[index] = body is { } update
                ? await UpdateAsync(index, objectId, changed, update, cancellationToken).ConfigureAwait(false)
                : new UpsertItemResult(index, UpsertOutcome.Failed, objectId, changed, refusal);
            progress?.Report(results[index]!);
        }

        return results!;
    }

    // Reads every item's key; refuses empty and repeated keys. Returns the positions of each key.
    private Dictionary<string, List<int>> ReadItems()
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var conflicts = new List<UpsertConflict>();
        for (var i = 0; i < source.Count; i++)
        {
            var item = _items[i] = JsonDocument.Parse(source.CreateBody(i));
            var key = UpsertValues.KeyText(item.RootElement, source.KeyCodes);
            if (key is null)
            {
                conflicts.Add(new UpsertConflict(UpsertConflictKind.EmptyKey, string.Join(" + ", source.KeyCodes), [i], []));
                continue;
            }

            _keys[i] = key;
            if (!positions.TryGetValue(key, out var list))
            {
                positions[key] = list = [];
            }

            list.Add(i);
        }

        conflicts.AddRange(positions.Where(static p => p.Value.Count > 1)
            .Select(static p => new UpsertConflict(UpsertConflictKind.DuplicateInInput, UpsertValues.Display(p.Key), p.Value, [])));
        return conflicts.Count == 0 ? positions : throw new H3YunUpsertRefusedException(source.SchemaCode, conflicts);
    }

    private async Task<Dictionary<string, StoredRecord>> LookUpAsync(Dictionary<string, List<int>> positions, Action counted, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<StoredRecord>>(StringComparer.Ordinal);
        foreach (var window in positions.Chunk(Filter.MaxPageSize))
        {
            var wanted = window.Select(static p => p.Key).ToHashSet(StringComparer.Ordinal);
            var matcher = KeyMatcher(window.Select(p => _items[p.Value[0]]!.RootElement));
            for (var from = 0; ; from += Filter.MaxPageSize)
            {
                var filter = new Filter { FromRowNum = from, ToRowNum = from + Filter.MaxPageSize, RequireCount = true, Matcher = matcher };
                counted();
                var (records, total) = await client.InvokeAsync(
                    OpenApiRequest.LoadBizObjects(source.SchemaCode, filter), ReadWindow, cancellationToken).ConfigureAwait(false);
                foreach (var record in records)
                {
                    if (record.Key is { } key && wanted.Contains(key))
                    {
                        (found.TryGetValue(key, out var list) ? list : found[key] = []).Add(record);
                    }
                }

                // A full window is followed by another unless H3Yun counted no more; 500 values can match more than 500 records.
                if (records.Count < Filter.MaxPageSize || total <= filter.ToRowNum)
                {
                    break;
                }
            }
        }

        var conflicts = found.Where(static f => f.Value.Count > 1)
            .Select(f => new UpsertConflict(UpsertConflictKind.DuplicateInH3Yun, UpsertValues.Display(f.Key), positions[f.Key], [.. f.Value.Select(static r => r.ObjectId)]))
            .ToList();
        return conflicts.Count == 0
            ? found.ToDictionary(static f => f.Key, static f => f.Value[0], StringComparer.Ordinal)
            : throw new H3YunUpsertRefusedException(source.SchemaCode, conflicts);
    }

    // One field: In(values). Several: In per field, And-ed; the window's records are then matched by their whole key.
    private Matcher KeyMatcher(IEnumerable<JsonElement> items)
    {
        var list = items.ToList();
        var matchers = source.KeyCodes.Select(code => (Matcher)new ItemMatcher(
                code,
                ComparisonOperator.In,
                MatcherValue.FromList(list.Select(item => item.GetProperty(code)).DistinctBy(static v => v.GetRawText()).Select(UpsertValues.ToMatcherValue))))
            .ToArray();
        return matchers.Length == 1 ? matchers[0] : Matcher.And(matchers);
    }

    private (List<StoredRecord> Records, int? Total) ReadWindow(JsonElement returnData)
    {
        var records = new List<StoredRecord>();
        var array = JsonWriting.Member(returnData, "BizObjectArray");
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in array.EnumerateArray())
            {
                var (objectId, values) = source.ReadStored(element);
                if (string.IsNullOrEmpty(objectId))
                {
                    throw new AnswerFormatException("A record of LoadBizObjects has no ObjectId, so it cannot be updated.");
                }

                using var document = JsonDocument.Parse(values);
                records.Add(new StoredRecord(objectId, UpsertValues.KeyText(document.RootElement, source.KeyCodes), values));
            }
        }

        var total = JsonWriting.Member(returnData, "TotalCount");
        var counted = total.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : BizValueReader.ReadInt32(total, "TotalCount");
        return (records, counted);
    }

    private List<string> Differences(int index, ReadOnlyMemory<byte> stored)
    {
        using var document = JsonDocument.Parse(stored);
        return UpsertValues.Differences(_items[index]!.RootElement, document.RootElement);
    }

    private async Task CreateAsync(IReadOnlyList<int> creates, bool submit, UpsertItemResult?[] results, IProgress<UpsertItemResult>? progress, CancellationToken cancellationToken)
    {
        foreach (var batch in creates.Chunk(client.Settings.CreateBatchSize))
        {
            var request = OpenApiRequest.CreateBizObjects(source.SchemaCode, [.. batch.Select(source.CreateBody)], submit);
            try
            {
                var ids = await client.InvokeAsync(request, ReturnDataReader.ReadCreatedIds, cancellationToken).ConfigureAwait(false);
                var idsKnown = ids.Count == batch.Length;
                for (var i = 0; i < batch.Length; i++)
                {
                    results[batch[i]] = ids.Count == 0 || idsKnown
                        ? new UpsertItemResult(batch[i], UpsertOutcome.Created, idsKnown ? ids[i] : null, [], null)
                        : new UpsertItemResult(batch[i], UpsertOutcome.Unknown, null, [], new H3YunProtocolException(
                            request.ActionName, source.SchemaCode, $"H3Yun reported {ids.Count} ids for the {batch.Length} records sent.", outcome: WriteOutcome.Unknown));
                }
            }
            catch (H3YunException failure)
            {
                var outcome = failure.Outcome switch
                {
                    WriteOutcome.NotApplied => UpsertOutcome.Failed,
                    WriteOutcome.Applied => UpsertOutcome.Created,
                    _ => UpsertOutcome.Unknown,
                };
                foreach (var index in batch)
                {
                    results[index] = new UpsertItemResult(index, outcome, null, [], outcome == UpsertOutcome.Created ? null : failure);
                }
            }

            foreach (var index in batch)
            {
                progress?.Report(results[index]!);
            }
        }
    }

    private async Task<UpsertItemResult> UpdateAsync(int index, string objectId, List<string> changed, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            await client.InvokeAsync(OpenApiRequest.UpdateBizObject(source.SchemaCode, objectId, body), static _ => true, cancellationToken).ConfigureAwait(false);
            return new UpsertItemResult(index, UpsertOutcome.Updated, objectId, changed, null);
        }
        catch (H3YunException failure)
        {
            var outcome = failure.Outcome switch
            {
                WriteOutcome.NotApplied => UpsertOutcome.Failed,
                WriteOutcome.Applied => UpsertOutcome.Updated,
                _ => UpsertOutcome.Unknown,
            };
            return new UpsertItemResult(index, outcome, objectId, changed, outcome == UpsertOutcome.Updated ? null : failure);
        }
    }

    private sealed record StoredRecord(string ObjectId, string? Key, ReadOnlyMemory<byte> Values);

    /// <summary>An update to send: its body, or why it is refused.</summary>
    internal sealed record PlannedUpdate(int Index, string ObjectId, List<string> Changed, ReadOnlyMemory<byte>? Body, Exception? Refusal);

    /// <summary>What the lookups found: per item, the write it needs (Created, Updated, Unchanged, or Failed when refused).</summary>
    internal sealed record Plan(IReadOnlyList<UpsertItemResult> Items, IReadOnlyList<int> Creates, IReadOnlyList<PlannedUpdate> Updates, int Lookups);
}
