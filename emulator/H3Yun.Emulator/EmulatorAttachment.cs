namespace H3Yun.Emulator;

/// <summary>A file uploaded to a record's (or a child row's) attachment or image field, as the emulator keeps it.</summary>
/// <param name="AttachmentId">The id UploadAttachment answered.</param>
/// <param name="SchemaCode">The form's SchemaCode.</param>
/// <param name="BizObjectId">The record's ObjectId, or the child row's when <paramref name="ChildSchemaCode"/> is set.</param>
/// <param name="ChildSchemaCode">The child table's SchemaCode for a child row's file; otherwise <see langword="null"/>.</param>
/// <param name="FilePropertyName">The field code.</param>
/// <param name="FileName">The file name sent.</param>
/// <param name="ContentType">The MIME type sent (<c>application/octet-stream</c> when none was).</param>
/// <param name="Size">The size in bytes.</param>
public sealed record EmulatorAttachment(
    string AttachmentId,
    string SchemaCode,
    string BizObjectId,
    string? ChildSchemaCode,
    string FilePropertyName,
    string FileName,
    string ContentType,
    long Size);
