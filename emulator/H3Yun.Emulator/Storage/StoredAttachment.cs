namespace H3Yun.Emulator.Storage;

/// <summary>
/// An uploaded file: which record (or child row) and field it belongs to, and what it is. For a child row,
/// <see cref="BizObjectId"/> is the row's ObjectId and <see cref="ChildSchemaCode"/> its table.
/// </summary>
internal sealed record StoredAttachment(
    string AttachmentId,
    string SchemaCode,
    string BizObjectId,
    string? ChildSchemaCode,
    string PropertyName,
    string FileName,
    string ContentType,
    long Size,
    string UploadedTime);
