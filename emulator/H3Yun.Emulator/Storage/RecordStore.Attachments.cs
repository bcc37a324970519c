using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace H3Yun.Emulator.Storage;

/// <summary>Attachments, stored beside the records they belong to (H3Yun keeps them in H_BizObjectFile, not in the record).</summary>
internal sealed partial class RecordStore
{
    private const string AttachmentColumns = "attachment_id, schema_code, biz_object_id, child_schema_code, property_name, file_name, content_type, size, uploaded_time";

    public void AddAttachment(StoredAttachment attachment, byte[] content)
    {
        lock (_gate)
        {
            using var transaction = Begin();
            InsertAttachment(attachment, content);
            transaction.Commit();
        }
    }

    /// <summary>The attachments of one record or child row (every field), in upload order.</summary>
    public IReadOnlyList<StoredAttachment> AttachmentsOf(string schemaCode, string bizObjectId)
    {
        lock (_gate)
        {
            return ReadAttachments(
                $"SELECT {AttachmentColumns} FROM attachments WHERE schema_code = $schema AND biz_object_id = $id ORDER BY position",
                ("$schema", schemaCode),
                ("$id", bizObjectId));
        }
    }

    /// <summary>
    /// The attachments of a form's records and child rows by their ObjectId, each list in upload order: one query for a
    /// page of 500 records instead of one per record.
    /// </summary>
    public IReadOnlyDictionary<string, List<StoredAttachment>> AttachmentsOfForm(string schemaCode)
    {
        lock (_gate)
        {
            var byObject = new Dictionary<string, List<StoredAttachment>>(StringComparer.Ordinal);
            foreach (var attachment in ReadAttachments($"SELECT {AttachmentColumns} FROM attachments WHERE schema_code = $schema ORDER BY position", ("$schema", schemaCode)))
            {
                if (!byObject.TryGetValue(attachment.BizObjectId, out var list))
                {
                    list = [];
                    byObject[attachment.BizObjectId] = list;
                }

                list.Add(attachment);
            }

            return byObject;
        }
    }

    /// <summary>Every attachment, in upload order, for export.</summary>
    public IReadOnlyList<StoredAttachment> AllAttachments()
    {
        lock (_gate)
        {
            return ReadAttachments($"SELECT {AttachmentColumns} FROM attachments ORDER BY position");
        }
    }

    public (StoredAttachment Attachment, byte[] Content)? FindAttachment(string attachmentId)
    {
        lock (_gate)
        {
            var found = ReadAttachments($"SELECT {AttachmentColumns} FROM attachments WHERE attachment_id = $id", ("$id", attachmentId));
            if (found.Count == 0)
            {
                return null;
            }

            using var command = Command("SELECT content FROM attachments WHERE attachment_id = $id", ("$id", attachmentId));
            return (found[0], (byte[])command.ExecuteScalar()!);
        }
    }

    /// <summary>Inserts or replaces attachments as given (seed import).</summary>
    public void UpsertAttachments(IReadOnlyList<(StoredAttachment Attachment, byte[] Content)> attachments)
    {
        lock (_gate)
        {
            using var transaction = Begin();
            foreach (var (attachment, content) in attachments)
            {
                Execute("DELETE FROM attachments WHERE attachment_id = $id", ("$id", attachment.AttachmentId));
                InsertAttachment(attachment, content);
            }

            transaction.Commit();
        }
    }

    private void CreateAttachmentSchema()
    {
        Execute("""
            CREATE TABLE IF NOT EXISTS attachments (
                attachment_id TEXT PRIMARY KEY,
                schema_code TEXT NOT NULL,
                biz_object_id TEXT NOT NULL,
                child_schema_code TEXT,
                property_name TEXT NOT NULL,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                uploaded_time TEXT NOT NULL,
                position INTEGER NOT NULL,
                content BLOB NOT NULL)
            """);
        Execute("CREATE INDEX IF NOT EXISTS attachments_by_owner ON attachments (schema_code, biz_object_id)");
    }

    private void InsertAttachment(StoredAttachment attachment, byte[] content) => Execute(
        $"""
        INSERT INTO attachments ({AttachmentColumns}, position, content)
        VALUES ($id, $schema, $owner, $child, $property, $file, $type, $size, $time, (SELECT COALESCE(MAX(position), 0) + 1 FROM attachments), $content)
        """,
        ("$id", attachment.AttachmentId),
        ("$schema", attachment.SchemaCode),
        ("$owner", attachment.BizObjectId),
        ("$child", (object?)attachment.ChildSchemaCode ?? DBNull.Value),
        ("$property", attachment.PropertyName),
        ("$file", attachment.FileName),
        ("$type", attachment.ContentType),
        ("$size", attachment.Size),
        ("$time", attachment.UploadedTime),
        ("$content", content));

    private List<StoredAttachment> ReadAttachments(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using SqliteDataReader reader = command.ExecuteReader();
        var attachments = new List<StoredAttachment>();
        while (reader.Read())
        {
            attachments.Add(new StoredAttachment(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetInt64(7),
                reader.GetString(8)));
        }

        return attachments;
    }
}
