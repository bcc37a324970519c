using System;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Storage;
using H3Yun.Emulator.Values;

namespace H3Yun.Emulator.Actions;

/// <summary>The query string of an UploadAttachment request.</summary>
internal sealed record UploadRequest(string? SchemaCode, string? FilePropertyName, string? BizObjectId, string? ChildSchemaCode);

/// <summary>The file part of an UploadAttachment body.</summary>
internal sealed record UploadedFile(string PartName, string FileName, string ContentType, byte[] Content)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"file '{FileName}' ({ContentType}, {Content.Length} bytes) in part '{PartName}'");
}

/// <summary>
/// UploadAttachment and DownloadBizObjectFile (docs/protocol.md#attachments). Uploads attach to a record (or a child row) that
/// exists, one file of at most 3 MB with an extension; a second upload to a field adds a file, it replaces none.
/// </summary>
internal sealed class AttachmentActions(RecordStore store, SchemaRegistry schemas)
{
    /// <summary>"附件大小不可超过3M" (docs/protocol.md#attachments).</summary>
    public const long MaxFileBytes = 3 * 1024 * 1024;

    public const string TooLargeText = "附件大小不可超过3M";

    public JsonObject Upload(UploadRequest request, UploadedFile file)
    {
        var schemaCode = request.SchemaCode ?? throw Missing("SchemaCode");
        var property = request.FilePropertyName ?? throw Missing("FilePropertyName");
        var bizObjectId = request.BizObjectId ?? throw Missing("BizObjectId");
        if (file.Content.LongLength > MaxFileBytes)
        {
            throw new H3RequestException(string.Create(CultureInfo.InvariantCulture, $"{TooLargeText} / the file is {file.Content.LongLength} bytes; UploadAttachment takes at most 3 MB ({MaxFileBytes} bytes)"));
        }

        if (string.IsNullOrWhiteSpace(file.FileName) || Path.GetExtension(file.FileName).Length < 2)
        {
            throw new H3RequestException($"文件名必须带后缀 / the file name '{file.FileName}' has no extension; H3Yun needs one (e.g. file.jpg)");
        }

        var form = schemas.Resolve(schemaCode);
        if (request.ChildSchemaCode is { } childSchemaCode)
        {
            var table = form?.Find(childSchemaCode) ?? FindTableByChildCode(form, childSchemaCode);
            if (form is not null && table is null)
            {
                throw new H3RequestException($"表单 {form.Describe()} 没有子表 {childSchemaCode} / form {form.Describe()} has no child table '{childSchemaCode}'");
            }

            CheckField(table?.ChildSchema, property, $"child table {childSchemaCode}");
            if (store.FindChildRow(schemaCode, table?.Code ?? childSchemaCode, bizObjectId) is null)
            {
                throw store.Find(schemaCode, bizObjectId) is null
                    ? new H3RequestException($"业务对象不存在 / no row {bizObjectId} in child table {childSchemaCode} of form {schemaCode}; upload to a row that exists")
                    : new H3RequestException($"子表附件需要子表行的 ObjectId / with ChildSchemaCode, BizObjectId must be the ObjectId of a row of {childSchemaCode}; {bizObjectId} is a record of {schemaCode} itself");
            }
        }
        else
        {
            CheckField(form, property, $"form {form?.Describe()}");
            if (store.Find(schemaCode, bizObjectId) is null)
            {
                throw new H3RequestException($"业务对象不存在 / record not found: {bizObjectId}; UploadAttachment attaches to a record that exists, so create it first");
            }
        }

        var attachmentId = Guid.NewGuid().ToString("D");
        store.AddAttachment(
            new StoredAttachment(attachmentId, schemaCode, bizObjectId, request.ChildSchemaCode, property, file.FileName, file.ContentType, file.Content.LongLength, H3DateText.Format(ChinaTime.Now)),
            file.Content);
        return new JsonObject { ["AttachmentId"] = attachmentId };
    }

    public (StoredAttachment Attachment, byte[] Content) Download(string? attachmentId)
    {
        if (string.IsNullOrWhiteSpace(attachmentId))
        {
            throw Missing("attachmentId");
        }

        return store.FindAttachment(attachmentId.Trim())
            ?? throw new H3RequestException($"附件不存在 / attachment not found: {attachmentId}");
    }

    private static FieldSchema? FindTableByChildCode(FormSchema? form, string childSchemaCode)
    {
        if (form is null)
        {
            return null;
        }

        foreach (var field in form.Fields)
        {
            if (field.IsChildTable && field.ChildSchema?.SchemaCode == childSchemaCode)
            {
                return field;
            }
        }

        return null;
    }

    private static void CheckField(FormSchema? form, string property, string where)
    {
        if (form is null)
        {
            return;
        }

        var field = form.Find(property)
            ?? throw new H3RequestException($"{where} 没有字段 {property} / {where} has no field code '{property}'");
        if (!field.IsAttachment)
        {
            throw new H3RequestException($"字段 {property} 不是附件或图片控件 / field {property} of {where} is a {field.DataType} field, not an attachment (File) or image (Image) field");
        }
    }

    private static H3RequestException Missing(string name) => new($"缺少参数 {name} / missing {name}");
}
