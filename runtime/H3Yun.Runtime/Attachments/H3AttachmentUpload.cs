namespace H3Yun;

/// <summary>
/// One file to upload to an attachment (附件) or image (图片) field of an existing record, or of one of its child rows
/// (<c>/OpenApi/UploadAttachment</c>). Named members instead of six strings in a row, so that a form code and a field
/// code cannot change places unnoticed.
/// </summary>
public sealed class H3AttachmentUpload
{
    /// <summary>The form.</summary>
    public required string SchemaCode { get; init; }

    /// <summary>The attachment or image field (of the child table, for a row).</summary>
    public required string FieldCode { get; init; }

    /// <summary>The record's id, or for a row the row's id; the record must exist.</summary>
    public required string ObjectId { get; init; }

    /// <summary>The file; read to its end (at most 3 MB) before anything is sent, so that the upload can be retried.</summary>
    public required Stream Content { get; init; }

    /// <summary>The name H3Yun shows, with its extension (<c>报价单.pdf</c>).</summary>
    public required string FileName { get; init; }

    /// <summary>The MIME type; by default taken from the extension.</summary>
    public string? ContentType { get; init; }

    /// <summary>The child table's code, for a row's field; null for the record's own field.</summary>
    public string? ChildSchemaCode { get; init; }
}
