using System.Net;

namespace H3Yun;

/// <summary>
/// How <c>/Api/DownloadBizObjectFile</c> is asked and answered (docs/protocol.md#attachments): a form-urlencoded body with
/// <c>attachmentId</c> and <c>EngineCode</c> (the official C# sample), the file's bytes back, its name URL-encoded in
/// <c>Content-Disposition</c>; a failure comes back as the JSON envelope instead of a file.
/// </summary>
internal static class AttachmentDownloads
{
    public static HttpContent Body(string attachmentId, string engineCode) =>
        new FormUrlEncodedContent([new("attachmentId", attachmentId), new(OpenApiNames.EngineCodeHeader, engineCode)]);

    /// <summary>A JSON answer without a file name is H3Yun's envelope, not a file.</summary>
    public static bool IsEnvelope(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is "application/json" or "text/json"
        && response.Content.Headers.ContentDisposition is not { FileName: not null } and not { FileNameStar: not null };

    public static async Task<H3AttachmentContent> ContentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new H3AttachmentContent(response, stream, FileName(response));
    }

    // "attachment;filename=%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf": H3Yun URL-encodes the name (its own helper URL-decodes it).
    private static string? FileName(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        if (disposition?.FileNameStar is { Length: > 0 } star)
        {
            return star;
        }

        return disposition?.FileName is { Length: > 0 } name ? WebUtility.UrlDecode(name.Trim('"')) : null;
    }
}
