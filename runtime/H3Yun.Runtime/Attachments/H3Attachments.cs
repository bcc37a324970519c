namespace H3Yun;

/// <summary>
/// The attachment and image fields of one form: upload a file to a field of a record or of a child row, and download
/// an attachment as a stream. Uploads are writes (sent again only when they certainly did not reach H3Yun); downloads
/// are reads. Reach it as <c>repository.Attachments</c>.
/// </summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
public sealed class H3Attachments<TForm>
    where TForm : H3BizObject
{
    private readonly H3YunClient _client;
    private readonly H3FormInfo<TForm> _form;

    internal H3Attachments(H3YunClient client, H3FormInfo<TForm> form)
    {
        _client = client;
        _form = form;
    }

    /// <summary>Uploads a file to an attachment or image field of a record that exists in H3Yun.</summary>
    /// <param name="record">The record; it must have been created (it has an ObjectId).</param>
    /// <param name="field">The field, from <c>TForm.Where</c>, e.g. <c>SalesOrder.Where.Files</c>.</param>
    /// <param name="content">The file; at most 3 MB, read to its end before anything is sent.</param>
    /// <param name="fileName">The name with its extension, e.g. <c>报价单.pdf</c>.</param>
    /// <param name="contentType">The MIME type; by default taken from the extension.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The AttachmentId H3Yun gave the file.</returns>
    public Task<string> UploadAsync(
        TForm record, AttachmentField<TForm> field, Stream content, string fileName, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(field);
        var objectId = record.ObjectId is { Length: > 0 } id
            ? id
            : throw new ArgumentException("The record has no ObjectId: H3Yun attaches files to records that exist, so create it first.", nameof(record));
        return _client.UploadAttachmentCoreAsync(_form.SchemaCode, field.Code, objectId, content, fileName, contentType, childSchemaCode: null, cancellationToken);
    }

    /// <summary>Uploads a file to an attachment or image field of a child row that exists in H3Yun.</summary>
    /// <param name="row">The row, loaded from H3Yun (it has an ObjectId).</param>
    /// <param name="fieldCode">The row's field, e.g. <c>SalesOrder.OrderLine.Fields.Photo</c>.</param>
    /// <param name="content">The file; at most 3 MB, read to its end before anything is sent.</param>
    /// <param name="fileName">The name with its extension.</param>
    /// <param name="contentType">The MIME type; by default taken from the extension.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The AttachmentId H3Yun gave the file.</returns>
    public Task<string> UploadAsync(
        H3ChildRow row, string fieldCode, Stream content, string fileName, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var objectId = row.ObjectId is { Length: > 0 } id
            ? id
            : throw new ArgumentException("The row has no ObjectId: H3Yun attaches files to rows that exist, so load the record after creating it.", nameof(row));
        var table = row.ChildSchemaCode
            ?? throw new ArgumentException("The row does not know its child table's schema code; use a row of a generated form.", nameof(row));
        return _client.UploadAttachmentCoreAsync(_form.SchemaCode, fieldCode, objectId, content, fileName, contentType, table, cancellationToken);
    }

    /// <summary>Downloads an attachment as a stream with its file name; dispose the result.</summary>
    /// <param name="attachment">An attachment of a record's or row's field.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <returns>The file.</returns>
    public Task<H3AttachmentContent> DownloadAsync(H3Attachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return _client.DownloadAttachmentAsync(attachment.ObjectId, cancellationToken);
    }
}
