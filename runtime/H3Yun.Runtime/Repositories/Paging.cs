using System.Security.Cryptography;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Guards paging against a server that ignores the row window, which would otherwise make
/// <c>QueryAllAsync</c> load the same records for ever.
/// </summary>
internal static class Paging
{
    /// <summary>
    /// A digest of the records of a window exactly as H3Yun sent them, to recognise the same window again when its
    /// records carry no ids; records with ids are recognised by their ids, so their window needs none (empty).
    /// </summary>
    public static byte[] Fingerprint<TForm>(JsonElement returnData, QueryPage<TForm> page)
        where TForm : H3BizObject =>
        page.Items.Count > 0 && page.Items[0].ObjectId is null ? Fingerprint(returnData) : [];

    private static byte[] Fingerprint(JsonElement returnData)
    {
        if (JsonWriting.Member(returnData, "BizObjectArray") is not { ValueKind: JsonValueKind.Array } array)
        {
            return SHA256.HashData([]);
        }

#if NET9_0_OR_GREATER
        // The bytes where they lie in the answer: no copy of a window that is most of the body.
        return SHA256.HashData(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(array));
#else
        return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(array.GetRawText()));
#endif
    }

    public static void CheckWindowHonoured<TForm>(string schemaCode, PagingWindow<TForm> window, PagingWindow<TForm> previous)
        where TForm : H3BizObject
    {
        var page = window.Page;
        var size = page.ToRowNum - page.FromRowNum;
        if (page.Items.Count > size)
        {
            throw Ignored(schemaCode, $"it returned {page.Items.Count} records for the window {page.FromRowNum}..{page.ToRowNum} of {size} rows");
        }

        // Concurrent writes can move one record into the next window, never a whole window of them. Records without
        // ids (a server that ignores ReturnItems too) are compared as they were sent: equal bytes have equal ids, so
        // a window whose records have ids needs no fingerprint.
        var before = previous.Page.Items;
        if (page.Items.Count > 0 && before.Count == page.Items.Count
            && ((page.Items[0].ObjectId is not null && page.Items.Select(static r => r.ObjectId).SequenceEqual(before.Select(static r => r.ObjectId)))
                || (window.Fingerprint.Length > 0 && window.Fingerprint.AsSpan().SequenceEqual(previous.Fingerprint))))
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

/// <summary>One window of a paging enumeration and the fingerprint of its records.</summary>
internal sealed record PagingWindow<TForm>(QueryPage<TForm> Page, byte[] Fingerprint)
    where TForm : H3BizObject
{
    public static readonly PagingWindow<TForm> None = new(new QueryPage<TForm>([], 0, 0, null), []);
}
