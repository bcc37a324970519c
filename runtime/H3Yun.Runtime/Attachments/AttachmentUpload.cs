using System.Net.Http.Headers;

namespace H3Yun;

/// <summary>
/// One file on its way to <c>/OpenApi/UploadAttachment</c> (docs/protocol.md#attachments): checked before anything is sent (a name
/// with an extension, at most 3 MB, the record's id), read into memory once so that an upload refused before it
/// reached H3Yun can be sent again, and written as the multipart body H3Yun's official helper sends.
/// </summary>
internal sealed class AttachmentUpload
{
    /// <summary>H3Yun's limit: "附件大小不可超过3M".</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    private readonly byte[] _bytes;

    private AttachmentUpload(string schemaCode, string fieldCode, string objectId, string? childSchemaCode, byte[] bytes, string fileName, string contentType)
    {
        SchemaCode = schemaCode;
        FieldCode = fieldCode;
        ObjectId = objectId;
        ChildSchemaCode = childSchemaCode;
        _bytes = bytes;
        FileName = fileName;
        ContentType = contentType;
    }

    public string SchemaCode { get; }

    public string FieldCode { get; }

    public string ObjectId { get; }

    public string? ChildSchemaCode { get; }

    public string FileName { get; }

    public string ContentType { get; }

    public static async Task<AttachmentUpload> ReadAsync(
        string schemaCode, string fieldCode, string objectId, Stream content, string fileName, string? contentType, string? childSchemaCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (Path.GetExtension(fileName) is not { Length: > 1 })
        {
            throw new ArgumentException($"H3Yun needs the file name with its extension (\"报价单.pdf\", not \"{fileName}\"), so that it can show and serve the file.", nameof(fileName));
        }

        if (content.CanSeek && content.Length - content.Position > MaxBytes)
        {
            throw TooLarge(fileName, content.Length - content.Position, nameof(content));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw TooLarge(fileName, buffer.Length, nameof(content));
            }
        }

        return new AttachmentUpload(schemaCode, fieldCode, objectId, childSchemaCode, buffer.ToArray(), fileName, contentType ?? MediaTypes.Of(fileName));
    }

    /// <summary>The endpoint with the query H3Yun reads: SchemaCode, FilePropertyName, BizObjectId and, for a row, ChildSchemaCode.</summary>
    public Uri Address(Uri endpoint)
    {
        var query = $"?SchemaCode={Uri.EscapeDataString(SchemaCode)}&FilePropertyName={Uri.EscapeDataString(FieldCode)}&BizObjectId={Uri.EscapeDataString(ObjectId)}"
            + (ChildSchemaCode is { } child ? $"&ChildSchemaCode={Uri.EscapeDataString(child)}" : string.Empty);
        return new Uri(endpoint.GetLeftPart(UriPartial.Path) + query);
    }

    /// <summary>A fresh body for each attempt: one file part named <c>media</c>, as H3Yun's official helper sends it.</summary>
    public HttpContent CreateContent()
    {
        var file = new ByteArrayContent(_bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);

        // The name as UTF-8 in filename (what H3Yun's own helper writes), and RFC 5987-encoded in filename* for servers that prefer it.
        file.Headers.TryAddWithoutValidation(
            "Content-Disposition",
            $"form-data; name=\"media\"; filename=\"{FileName.Replace("\"", "'", StringComparison.Ordinal)}\"; filename*=UTF-8''{Uri.EscapeDataString(FileName)}");
        var body = new MultipartFormDataContent("----------" + Guid.NewGuid().ToString("N"))
        {
            HeaderEncodingSelector = static (_, _) => System.Text.Encoding.UTF8,
        };
        body.Add(file);
        return body;
    }

    private static ArgumentException TooLarge(string fileName, long size, string parameterName) =>
        new($"'{fileName}' has {size:N0} bytes or more; H3Yun accepts attachments of at most 3 MB ({MaxBytes:N0} bytes). Nothing was sent.", parameterName);
}
