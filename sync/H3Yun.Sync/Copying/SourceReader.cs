using System.Text.Json;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Copying;

/// <summary>One answer of LoadBizObjects: the rows, and how many rows the filter matched.</summary>
/// <param name="Rows">The rows (at most 500).</param>
/// <param name="TotalCount">H3Yun's count of every matching row.</param>
internal readonly record struct WindowAnswer(IReadOnlyList<JsonElement> Rows, long TotalCount)
{
    /// <summary>Whether the answer holds every matching row: the count fits one request and every counted row came.</summary>
    public bool IsComplete => TotalCount <= Filter.MaxPageSize && Rows.Count == TotalCount;
}

/// <summary>
/// Reads one window in ONE request: rows 0 to 500 with <c>RequireCount</c>, never row-number paging over a range that
/// can change. Goes through the runtime client, so the engine's rate budget and the client's retry rules apply
/// (LoadBizObjects is a read: safe to retry).
/// </summary>
internal sealed class SourceReader(H3YunClient client, Action onRequest)
{
    /// <summary>Reads a window of a time field, optionally only ObjectIds that start with a prefix.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="timeField"><c>ModifiedTime</c> for copies, <c>CreatedTime</c> for the reconcile listing.</param>
    /// <param name="window">The range.</param>
    /// <param name="prefix">An ObjectId prefix, or null.</param>
    /// <param name="idsOnly">Return only ObjectIds (<c>ReturnItems</c>).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The answer.</returns>
    public async Task<WindowAnswer> ReadAsync(string schemaCode, string timeField, TimeWindow window, string? prefix, bool idsOnly, CancellationToken cancellationToken)
    {
        var items = new List<Matcher>(3);
        if (!window.IsOpenBelow)
        {
            items.Add(Matcher.Item(timeField, ComparisonOperator.NotBelow, window.Start));
        }

        items.Add(Matcher.Item(timeField, ComparisonOperator.Below, window.End));
        if (prefix is not null)
        {
            items.Add(Matcher.Item("ObjectId", ComparisonOperator.StartWith, prefix));
        }

        return await LoadAsync(schemaCode, Matcher.And([.. items]), idsOnly, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which of some ObjectIds H3Yun still has (<c>In</c>, at most 500).</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="objectIds">The ids.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The answer.</returns>
    public Task<WindowAnswer> ExistingAsync(string schemaCode, IReadOnlyList<string> objectIds, CancellationToken cancellationToken) =>
        LoadAsync(schemaCode, Matcher.And(Matcher.Item("ObjectId", ComparisonOperator.In, MatcherValue.FromList(objectIds.Select(MatcherValue.FromString)))), idsOnly: true, cancellationToken);

    private async Task<WindowAnswer> LoadAsync(string schemaCode, Matcher matcher, bool idsOnly, CancellationToken cancellationToken)
    {
        var filter = new Filter
        {
            FromRowNum = 0,
            ToRowNum = Filter.MaxPageSize,
            RequireCount = true,
            ReturnItems = idsOnly ? ["ObjectId"] : [],
            Matcher = matcher,
        };
        onRequest();
        var data = await client.InvokeAsync(OpenApiRequest.LoadBizObjects(schemaCode, filter), cancellationToken).ConfigureAwait(false);
        if (data.ValueKind != JsonValueKind.Object || !TryMember(data, "TotalCount", out var count) || !TryCount(count, out var total))
        {
            throw new H3YunSyncException(
                $"H3Yun answered LoadBizObjects of {schemaCode} with RequireCount without a TotalCount; the copy needs the count to know that a window is whole, and stops rather than guess.");
        }

        var rows = new List<JsonElement>();
        if (TryMember(data, "BizObjectArray", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in array.EnumerateArray())
            {
                rows.Add(row);
            }
        }

        return new WindowAnswer(rows, total);
    }

    private static bool TryMember(JsonElement element, string name, out JsonElement value)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = member.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryCount(JsonElement count, out long total) => count.ValueKind switch
    {
        JsonValueKind.Number => count.TryGetInt64(out total),
        JsonValueKind.String => long.TryParse(count.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out total),
        _ => (total = 0) == 1,
    };
}
