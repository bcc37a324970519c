using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Actions;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Schemas;

namespace H3Yun.Emulator.Storage;

/// <summary>
/// Seed files: a store's records and attachments as JSON, to start an emulator with known data or to keep what a
/// session stored. The layout:
/// <c>{"Format":"h3yun-emulator-seed/1","Records":{"&lt;SchemaCode&gt;":[{…record…}]},"Attachments":[{…, "Content":"&lt;base64&gt;"}]}</c>.
/// Records are in the stored form (people as ids, dates as <c>yyyy/M/d H:mm:ss</c>). Importing a record whose
/// ObjectId is stored already replaces it, so importing one file twice changes nothing.
/// </summary>
internal static class SeedData
{
    public const string Format = "h3yun-emulator-seed/1";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // A member named twice would otherwise fail later, outside the validation that keeps a bad seed from storing anything.
    private static readonly JsonDocumentOptions Read = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false };

    /// <exception cref="InvalidDataException">The seed is not valid JSON, not in the seed layout, or names a form or field the schemas lack.</exception>
    public static async Task ImportAsync(Stream seed, string source, RecordStore store, SchemaRegistry schemas, CancellationToken cancellationToken)
    {
        JsonObject root;
        try
        {
            root = (await JsonNode.ParseAsync(seed, documentOptions: Read, cancellationToken: cancellationToken).ConfigureAwait(false)) as JsonObject
                ?? throw Invalid(source, "$", "expected an object with Records and Attachments");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Seed file '{source}' is not valid JSON: {ex.Message}", ex);
        }

        if (root["Format"] is { } format && Text(format) != Format)
        {
            throw Invalid(source, "$.Format", $"unknown format '{format.ToJsonString()}'; this emulator reads '{Format}'");
        }

        var forms = new List<(string SchemaCode, List<JsonObject> Records)>();
        if (root["Records"] is { } recordsNode)
        {
            if (recordsNode is not JsonObject byForm)
            {
                throw Invalid(source, "$.Records", "expected an object whose members are SchemaCodes");
            }

            foreach (var (schemaCode, list) in byForm)
            {
                forms.Add((schemaCode, ReadRecords(source, schemaCode, list, schemas)));
            }
        }

        var attachments = ReadAttachments(source, root["Attachments"]);

        // Validated in full before anything is stored: a bad seed changes nothing.
        foreach (var (schemaCode, records) in forms)
        {
            store.Upsert(schemaCode, records);
        }

        store.UpsertAttachments(attachments);
    }

    public static async Task ExportAsync(RecordStore store, Stream destination, CancellationToken cancellationToken)
    {
        var records = new JsonObject();
        foreach (var (schemaCode, _) in store.Forms())
        {
            records[schemaCode] = new JsonArray([.. store.Snapshot(schemaCode)]);
        }

        var attachments = new JsonArray();
        foreach (var attachment in store.AllAttachments())
        {
            var content = store.FindAttachment(attachment.AttachmentId)!.Value.Content;
            attachments.Add(new JsonObject
            {
                ["AttachmentId"] = attachment.AttachmentId,
                ["SchemaCode"] = attachment.SchemaCode,
                ["BizObjectId"] = attachment.BizObjectId,
                ["ChildSchemaCode"] = attachment.ChildSchemaCode,
                ["FilePropertyName"] = attachment.PropertyName,
                ["FileName"] = attachment.FileName,
                ["ContentType"] = attachment.ContentType,
                ["UploadedTime"] = attachment.UploadedTime,
                ["Content"] = Convert.ToBase64String(content),
            });
        }

        var root = new JsonObject { ["Format"] = Format, ["Records"] = records, ["Attachments"] = attachments };
        await JsonSerializer.SerializeAsync(destination, root, Written, cancellationToken).ConfigureAwait(false);
    }

    private static List<JsonObject> ReadRecords(string source, string schemaCode, JsonNode? list, SchemaRegistry schemas)
    {
        var at = $"$.Records.{schemaCode}";
        if (list is not JsonArray array)
        {
            throw Invalid(source, at, "expected an array of records");
        }

        FormSchema? form;
        try
        {
            form = schemas.Resolve(schemaCode);
        }
        catch (H3RequestException)
        {
            throw Invalid(source, at, $"no schema file defines the form '{schemaCode}'");
        }

        var records = new List<JsonObject>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject input)
            {
                throw Invalid(source, $"{at}[{i}]", "expected a record object");
            }

            try
            {
                records.Add(RecordWriter.SeedRecord(form, input));
            }
            catch (H3RequestException ex)
            {
                throw Invalid(source, $"{at}[{i}]", ex.Message);
            }
        }

        return records;
    }

    private static List<(StoredAttachment, byte[])> ReadAttachments(string source, JsonNode? node)
    {
        var attachments = new List<(StoredAttachment, byte[])>();
        if (node is null)
        {
            return attachments;
        }

        if (node is not JsonArray array)
        {
            throw Invalid(source, "$.Attachments", "expected an array");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = $"$.Attachments[{i}]";
            if (array[i] is not JsonObject item)
            {
                throw Invalid(source, at, "expected an attachment object");
            }

            string Required(string name) => Optional(name) is { Length: > 0 } text ? text : throw Invalid(source, $"{at}.{name}", "is missing");

            string? Optional(string name) => item[name] switch
            {
                null => null,
                var value => Text(value) ?? throw Invalid(source, $"{at}.{name}", $"must be a string, got {value.ToJsonString()}"),
            };

            var (attachmentId, schemaCode, bizObjectId) = (Required("AttachmentId"), Required("SchemaCode"), Required("BizObjectId"));
            var (propertyName, fileName) = (Required("FilePropertyName"), Required("FileName"));
            byte[] content;
            try
            {
                content = Convert.FromBase64String(Required("Content"));
            }
            catch (FormatException ex)
            {
                throw new InvalidDataException($"Seed file '{source}' at {at}.Content: not base64: {ex.Message}", ex);
            }

            attachments.Add((new StoredAttachment(
                attachmentId,
                schemaCode,
                bizObjectId,
                Optional("ChildSchemaCode"),
                propertyName,
                fileName,
                Optional("ContentType") ?? "application/octet-stream",
                content.LongLength,
                Optional("UploadedTime") ?? Values.H3DateText.Format(Values.ChinaTime.Now)), content));
        }

        return attachments;
    }

    private static string? Text(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static InvalidDataException Invalid(string source, string at, string problem) =>
        new($"Seed file '{source}' at {at}: {problem}");
}
