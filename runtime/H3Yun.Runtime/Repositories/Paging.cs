namespace H3Yun;

/// <summary>
/// Guards paging against a server that ignores the row window, which would otherwise make
/// <c>QueryAllAsync</c> load the same records for ever.
/// </summary>
internal static class Paging
{
    public static void CheckWindowHonoured<TForm>(string schemaCode, QueryPage<TForm> page, IReadOnlyList<TForm> previous)
        where TForm : H3BizObject
    {
        var window = page.ToRowNum - page.FromRowNum;
        if (page.Items.Count > window)
        {
            throw Ignored(schemaCode, $"it returned {page.Items.Count} records for the window {page.FromRowNum}..{page.ToRowNum} of {window} rows");
        }

        // Concurrent writes can move one record into the next window, never a whole window of them.
        if (page.Items.Count > 0 && previous.Count == page.Items.Count
            && page.Items.Select(static r => r.ObjectId).SequenceEqual(previous.Select(static r => r.ObjectId))
            && page.Items[0].ObjectId is not null)
        {
            throw Ignored(schemaCode, $"it returned the same {page.Items.Count} records for FromRowNum {page.FromRowNum} as for the window before");
        }
    }

    private static H3YunProtocolException Ignored(string schemaCode, string what) => new(
        OpenApiActions.LoadBizObjects,
        schemaCode,
        $"H3Yun ignored the query's row window: {what}. Paging stopped so that it does not repeat for ever; "
        + "query with a condition that narrows the records to one window (500) instead.");
}
