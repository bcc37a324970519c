using System.Security.Cryptography;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Makes H3Yun hold the items of an <see cref="UpsertSource"/>, matched by key (docs/write-data-into-h3yun.md):
/// refuses empty and repeated keys, looks the keys up in <c>In</c> windows of at most 500 values, refuses keys that
/// H3Yun holds twice, and only then writes: creates in CreateBizObjects batches, an update per changed record with
/// the fields that differ, nothing for the rest. A write is never repeated: whatever failed is found by the lookup
/// of the next call.
/// </summary>
/// <remarks>
/// The items are read three times, each reading streamed: to map the keys (every value checked, every key's
/// conflicts found before any request), to look them up and compare a window at a time, and to write. Between
/// readings only a key map is held: the keys while they are mapped, then per item a digest of its values and its
/// planned outcome. An item
/// whose digest differs on a later reading (its source changed meanwhile) is not written.
/// </remarks>
internal sealed class UpsertEngine(H3YunClient client, UpsertSource source)
{
    private readonly List<long> _digests = [];

    public async Task<IReadOnlyList<UpsertItemResult>> RunAsync(bool submit, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(cancellationToken).ConfigureAwait(false);
        return await ApplyAsync(plan, submit, progress: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Everything before the first write: refuses empty and repeated keys, looks the keys up, refuses keys H3Yun holds
    /// twice, compares, and checks every update's body. The plan's results say what each item's write would be.
    /// </summary>
    public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
    {
        MapKeys();
        var planned = new UpsertItemResult[_digests.Count];
        var conflicts = new List<UpsertConflict>();
        var lookups = 0;
        var window = new List<WindowItem>(Filter.MaxPageSize);
        try
        {
            var index = 0;
            foreach (var item in source.Read())
            {
                var values = JsonDocument.Parse(Checked(index, item));
                window.Add(new WindowItem(index++, item, values, UpsertValues.KeyText(values.RootElement, source.KeyCodes)!));
                if (window.Count == Filter.MaxPageSize)
                {
                    lookups += await CompareAsync(window, planned, conflicts, cancellationToken).ConfigureAwait(false);
                }
            }

            if (index != _digests.Count)
            {
                throw Changed($"it gave {index} items where the first reading gave {_digests.Count}");
            }

            if (window.Count > 0)
            {
                lookups += await CompareAsync(window, planned, conflicts, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            window.ForEach(static w => w.Values.Dispose());
        }

        return conflicts.Count == 0 ? new Plan(planned, lookups) : throw new H3YunUpsertRefusedException(source.SchemaCode, conflicts);
    }

    /// <summary>Writes what <paramref name="plan"/> found to write, in the items' order: creates in batches, updates one by one; reports each item written.</summary>
    public async Task<IReadOnlyList<UpsertItemResult>> ApplyAsync(Plan plan, bool submit, IProgress<UpsertItemResult>? progress, CancellationToken cancellationToken)
    {
        var results = new UpsertItemResult?[plan.Items.Count];
        var batch = new List<(int Index, ReadOnlyMemory<byte> Body)>(client.Settings.CreateBatchSize);
        var index = 0;
        foreach (var item in source.Read())
        {
            if (index == results.Length)
            {
                throw Changed($"it gave more than the {results.Length} items planned; the records written so far are found by the next call's lookup");
            }

            var planned = plan.Items[index];
            var i = index++;
            if (planned.Outcome is UpsertOutcome.Unchanged or UpsertOutcome.Failed)
            {
                results[i] = planned;
                continue;
            }

            if (Digest(item.CreateBody) != _digests[i])
            {
                results[i] = planned with { Outcome = UpsertOutcome.Failed, Error = Changed($"item {i} differs from the one compared") };
                progress?.Report(results[i]!);
                continue;
            }

            if (planned.Outcome == UpsertOutcome.Created)
            {
                batch.Add((i, item.CreateBody));
                if (batch.Count == client.Settings.CreateBatchSize)
                {
                    await CreateAsync(batch, submit, results, progress, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            results[i] = await UpdateAsync(i, planned.ObjectId!, planned.ChangedFields, item.UpdateBody(planned.ObjectId!, planned.ChangedFields), cancellationToken).ConfigureAwait(false);
            progress?.Report(results[i]!);
        }

        if (batch.Count > 0)
        {
            await CreateAsync(batch, submit, results, progress, cancellationToken).ConfigureAwait(false);
        }

        for (var i = index; i < results.Length; i++)
        {
            var planned = plan.Items[i];
            results[i] = planned.Outcome is UpsertOutcome.Unchanged or UpsertOutcome.Failed
                ? planned
                : planned with { Outcome = UpsertOutcome.Failed, Error = Changed($"it ended after {index} of the {results.Length} items planned") };
        }

        return results!;
    }

    // The first reading: every item's key and digest (every value checked on the way); refuses empty and repeated keys.
    private void MapKeys()
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var conflicts = new List<UpsertConflict>();
        foreach (var item in source.Read())
        {
            var index = _digests.Count;
            var body = item.CreateBody;
            using var values = JsonDocument.Parse(body);
            var key = UpsertValues.KeyText(values.RootElement, source.KeyCodes);
            _digests.Add(Digest(body));
            if (key is null)
            {
                conflicts.Add(new UpsertConflict(UpsertConflictKind.EmptyKey, string.Join(" + ", source.KeyCodes), [index], []));
            }
            else if (!first.TryAdd(key, index))
            {
                (repeated.TryGetValue(key, out var list) ? list : repeated[key] = [first[key]]).Add(index);
            }
        }

        conflicts.AddRange(repeated.Select(static p => new UpsertConflict(UpsertConflictKind.DuplicateInInput, UpsertValues.Display(p.Key), p.Value, [])));
        if (conflicts.Count > 0)
        {
            throw new H3YunUpsertRefusedException(source.SchemaCode, conflicts);
        }
    }

    // Looks a window's keys up and plans each of its items; returns the requests made. Empties the window.
    private async Task<int> CompareAsync(List<WindowItem> window, UpsertItemResult[] planned, List<UpsertConflict> conflicts, CancellationToken cancellationToken)
    {
        var (found, requests) = await LookUpAsync(window, cancellationToken).ConfigureAwait(false);
        foreach (var (index, item, values, key) in window)
        {
            if (!found.TryGetValue(key, out var records))
            {
                planned[index] = new UpsertItemResult(index, UpsertOutcome.Created, null, [], null);
                continue;
            }

            if (records.Count > 1)
            {
                conflicts.Add(new UpsertConflict(UpsertConflictKind.DuplicateInH3Yun, UpsertValues.Display(key), [index], [.. records.Select(static r => r.ObjectId)]));
                continue;
            }

            var record = records[0];
            using var stored = JsonDocument.Parse(record.Values);
            var changed = UpsertValues.Differences(values.RootElement, stored.RootElement);
            if (changed.Count == 0)
            {
                planned[index] = new UpsertItemResult(index, UpsertOutcome.Unchanged, record.ObjectId, [], null);
                continue;
            }

            // Every body is made before anything is written: a refused one fails its item and no other.
            try
            {
                _ = item.UpdateBody(record.ObjectId, changed);
                planned[index] = new UpsertItemResult(index, UpsertOutcome.Updated, record.ObjectId, changed, null);
            }
            catch (InvalidOperationException refusal)
            {
                planned[index] = new UpsertItemResult(index, UpsertOutcome.Failed, record.ObjectId, changed, refusal);
            }
        }

        window.ForEach(static w => w.Values.Dispose());
        window.Clear();
        return requests;
    }

    private async Task<(Dictionary<string, List<StoredRecord>> Found, int Requests)> LookUpAsync(List<WindowItem> window, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<StoredRecord>>(StringComparer.Ordinal);
        var wanted = window.Select(static w => w.Key).ToHashSet(StringComparer.Ordinal);
        var matcher = KeyMatcher(window.Select(static w => w.Values.RootElement));
        var requests = 0;
        for (var from = 0; ; from += Filter.MaxPageSize)
        {
            var filter = new Filter { FromRowNum = from, ToRowNum = from + Filter.MaxPageSize, RequireCount = true, Matcher = matcher };
            requests++;
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
                return (found, requests);
            }
        }
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

    // A later reading's item is the one the first reading mapped: the same values, so the same digest.
    private ReadOnlyMemory<byte> Checked(int index, UpsertItem item) =>
        index < _digests.Count && Digest(item.CreateBody) == _digests[index]
            ? item.CreateBody
            : throw Changed(index < _digests.Count ? $"item {index} differs from the first reading" : $"it gave more items than the first reading's {_digests.Count}");

    private InvalidOperationException Changed(string what) => new(
        $"The items of the upsert into {source.SchemaCode} changed between readings: {what}. Each reading must give the same items in the same order (a file must not change during the upsert); run it again.");

    private static long Digest(ReadOnlyMemory<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body.Span, hash);
        return BitConverter.ToInt64(hash);
    }

    private async Task CreateAsync(List<(int Index, ReadOnlyMemory<byte> Body)> batch, bool submit, UpsertItemResult?[] results, IProgress<UpsertItemResult>? progress, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.CreateBizObjects(source.SchemaCode, [.. batch.Select(static b => b.Body)], submit);
        try
        {
            var ids = await client.InvokeAsync(request, ReturnDataReader.ReadCreatedIds, cancellationToken).ConfigureAwait(false);
            var idsKnown = ids.Count == batch.Count;
            for (var i = 0; i < batch.Count; i++)
            {
                var index = batch[i].Index;
                results[index] = ids.Count == 0 || idsKnown
                    ? new UpsertItemResult(index, UpsertOutcome.Created, idsKnown ? ids[i] : null, [], null)
                    : new UpsertItemResult(index, UpsertOutcome.Unknown, null, [], new H3YunProtocolException(
                        request.ActionName, source.SchemaCode, $"H3Yun reported {ids.Count} ids for the {batch.Count} records sent.", outcome: WriteOutcome.Unknown));
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
            foreach (var (index, _) in batch)
            {
                results[index] = new UpsertItemResult(index, outcome, null, [], outcome == UpsertOutcome.Created ? null : failure);
            }
        }

        foreach (var (index, _) in batch)
        {
            progress?.Report(results[index]!);
        }

        batch.Clear();
    }

    private async Task<UpsertItemResult> UpdateAsync(int index, string objectId, IReadOnlyList<string> changed, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
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

    // An item of the window being compared: its values, parsed, and its key (never empty: the first reading refused those).
    private readonly record struct WindowItem(int Index, UpsertItem Item, JsonDocument Values, string Key);

    /// <summary>What the lookups found: per item, the write it needs (Created, Updated, Unchanged, or Failed when refused).</summary>
    internal sealed record Plan(IReadOnlyList<UpsertItemResult> Items, int Lookups)
    {
        public int Count(UpsertOutcome outcome) => Items.Count(i => i.Outcome == outcome);
    }
}
