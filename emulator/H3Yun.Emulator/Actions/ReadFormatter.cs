using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Storage;

namespace H3Yun.Emulator.Actions;

/// <summary>
/// Shapes a stored record the way LoadBizObject(s) return it: people as display names with <c>…Object</c>
/// companions carrying the ids, system fields first, and with a schema every field present (null when unset).
/// Attachment fields list the files uploaded to them; a main record's read leaves out its child rows' attachments,
/// as H3Yun's does (docs/protocol.md#attachments: read a child row with the child SchemaCode and its ObjectId to get them).
/// </summary>
internal static class ReadFormatter
{
    public static JsonObject Format(JsonObject stored, FormSchema? form, IReadOnlyList<StoredAttachment> attachments, ReadStyle style, IReadOnlySet<string>? returnItems = null)
    {
        attachments = style.ListsAttachments ? attachments : [];
        var read = new JsonObject();
        foreach (var code in SystemFieldCodes.OnRecord)
        {
            if (!Wanted(code, returnItems) || (code == SystemFieldCodes.SeqNo && !style.HasSeqNo(form)))
            {
                continue;
            }

            if (SystemFieldCodes.IsPeople(code))
            {
                AddPerson(read, code, (string?)stored[code]);
            }
            else
            {
                read[code] = stored[code]?.DeepClone();
            }
        }

        if (form is null)
        {
            foreach (var (code, value) in stored)
            {
                if (!SystemFieldCodes.IsOnRecord(code) && Wanted(code, returnItems))
                {
                    read[code] = value?.DeepClone();
                }
            }

            // Without a schema, a field is an attachment field when something was uploaded to it.
            foreach (var property in attachments.Select(attachment => attachment.PropertyName).Distinct())
            {
                if (Wanted(property, returnItems))
                {
                    read[property] = Attachments(attachments, property);
                }
            }

            return read;
        }

        foreach (var field in form.Fields)
        {
            if (Wanted(field.Code, returnItems))
            {
                FormatField(read, stored, field, attachments, style);
            }
        }

        return read;
    }

    /// <summary>A child row read on its own (LoadBizObject with the child SchemaCode), with its attachments.</summary>
    public static JsonObject FormatChildRow(JsonObject row, FormSchema? childForm, IReadOnlyList<StoredAttachment> attachments, ReadStyle style)
    {
        attachments = style.ListsAttachments ? attachments : [];
        var read = new JsonObject
        {
            [SystemFieldCodes.ObjectId] = row[SystemFieldCodes.ObjectId]?.DeepClone(),
            [SystemFieldCodes.Name] = row[SystemFieldCodes.Name]?.DeepClone(),
            [SystemFieldCodes.ParentObjectId] = row[SystemFieldCodes.ParentObjectId]?.DeepClone(),
        };
        if (childForm is null)
        {
            foreach (var (code, value) in row)
            {
                if (!read.ContainsKey(code))
                {
                    read[code] = value?.DeepClone();
                }
            }

            foreach (var property in attachments.Select(attachment => attachment.PropertyName).Distinct())
            {
                read[property] = Attachments(attachments, property);
            }

            return read;
        }

        foreach (var field in childForm.Fields)
        {
            FormatField(read, row, field, attachments, style);
        }

        return read;
    }

    /// <summary>
    /// H3Yun does not document how attachments read; the emulator answers what H_BizObjectFile holds about each
    /// (id, name, type, size), in upload order, and null when there is none, like any unset field.
    /// </summary>
    private static JsonArray? Attachments(IReadOnlyList<StoredAttachment> attachments, string property)
    {
        var files = attachments.Where(attachment => attachment.PropertyName == property).ToList();
        return files.Count == 0
            ? null
            : new JsonArray([.. files.Select(file => (JsonNode)new JsonObject
            {
                ["ObjectId"] = file.AttachmentId,
                ["FileName"] = file.FileName,
                ["ContentType"] = file.ContentType,
                ["FileSize"] = file.Size,
            })]);
    }

    /// <summary>
    /// People and department fields read like the system person fields (docs/protocol.md#people-departments-and-associations): display names, with the ids
    /// in a <c>&lt;code&gt;Object</c> companion. H3Yun does not document this for custom fields; the emulator takes the
    /// system fields' shape so that clients are tested against it.
    /// </summary>
    private static void FormatField(JsonObject read, JsonObject stored, FieldSchema field, IReadOnlyList<StoredAttachment>? attachments, ReadStyle style)
    {
        if (field.IsChildTable)
        {
            read[field.Code] = FormatRows(stored[field.Code] as JsonArray, field.ChildSchema, style);
        }
        else if (field.IsAttachment)
        {
            if (attachments is not null)
            {
                read[field.Code] = Attachments(attachments, field.Code);
            }
        }
        else if (field.DataType == BizDataType.Unit && !field.Multiple)
        {
            AddPerson(read, field.Code, stored[field.Code]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)stored[field.Code] : null);
        }
        else if (field.DataType == BizDataType.UnitArray || (field.DataType == BizDataType.Unit && field.Multiple))
        {
            read[field.Code] = stored[field.Code]?.DeepClone();
            read[field.Code + SystemFieldCodes.CompanionSuffix] = People(stored[field.Code]);
        }
        else if (style.NumbersAsText && field.DataType is BizDataType.Double or BizDataType.Int or BizDataType.Long
            && stored[field.Code] is JsonValue number && number.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            // A captured H3Yun read shows a number field as "7000" (docs/protocol.md#value-formats).
            read[field.Code] = number.ToJsonString();
        }
        else
        {
            read[field.Code] = stored[field.Code]?.DeepClone();
        }
    }

    private static JsonArray? People(JsonNode? ids)
    {
        IEnumerable<string>? list = ids switch
        {
            JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String =>
                ((string)value!).Split(';', System.StringSplitOptions.RemoveEmptyEntries | System.StringSplitOptions.TrimEntries),
            JsonArray array => System.Linq.Enumerable.OfType<string>(System.Linq.Enumerable.Select(array, static n => (string?)n)),
            _ => null,
        };
        if (list is null)
        {
            return null;
        }

        var people = new JsonArray();
        foreach (var id in list)
        {
            people.Add(new JsonObject { [SystemFieldCodes.ObjectId] = id, [SystemFieldCodes.Name] = EmulatorOrganization.DisplayNameOf(id) });
        }

        return people;
    }

    private static bool Wanted(string code, IReadOnlySet<string>? returnItems) =>
        returnItems is null || code == SystemFieldCodes.ObjectId || returnItems.Contains(code);

    private static void AddPerson(JsonObject read, string code, string? id)
    {
        var name = id is null ? null : EmulatorOrganization.DisplayNameOf(id);
        read[code] = name;
        read[code + SystemFieldCodes.CompanionSuffix] = id is null
            ? null
            : new JsonObject { [SystemFieldCodes.ObjectId] = id, [SystemFieldCodes.Name] = name };
    }

    private static JsonArray FormatRows(JsonArray? rows, FormSchema? childForm, ReadStyle style)
    {
        var read = new JsonArray();
        if (rows is null)
        {
            return read;
        }

        foreach (var node in rows)
        {
            if (node is not JsonObject row)
            {
                continue;
            }

            if (childForm is null)
            {
                read.Add(row.DeepClone());
                continue;
            }

            var formatted = new JsonObject
            {
                [SystemFieldCodes.ObjectId] = row[SystemFieldCodes.ObjectId]?.DeepClone(),
                [SystemFieldCodes.Name] = row[SystemFieldCodes.Name]?.DeepClone(),
                [SystemFieldCodes.ParentObjectId] = row[SystemFieldCodes.ParentObjectId]?.DeepClone(),
            };
            foreach (var field in childForm.Fields)
            {
                FormatField(formatted, row, field, attachments: null, style);
            }

            read.Add(formatted);
        }

        return read;
    }
}

/// <summary>How reads differ in strict mode: numbers as numeric strings, and SeqNo only on forms that have one.</summary>
internal sealed record ReadStyle(bool NumbersAsText, bool SeqNoOnlyWhereListed)
{
    public static readonly ReadStyle Kind = new(false, false);

    /// <summary>Whether attachment fields list their files; H3Yun does not document that a read does.</summary>
    public bool ListsAttachments { get; init; } = true;

    public bool HasSeqNo(FormSchema? form) => !SeqNoOnlyWhereListed || form?.HasSeqNo == true;
}
