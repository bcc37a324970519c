using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Values;

namespace H3Yun.Emulator.Actions;

/// <summary>
/// Turns a client's BizObject into stored members. Everything is validated before anything is stored, so a refused
/// write changes nothing; child tables are then applied by the configured <see cref="ChildRowUpdateMode"/>.
/// </summary>
internal sealed class RecordWriter(EmulatorSettings settings)
{
    public JsonObject NewRecord(FormSchema? form, JsonObject input, bool isSubmit)
    {
        var record = NewRecord(form, input, isSubmit, Guid.NewGuid().ToString("D"), settings.ChildRows, Now());
        ApplyTitle(record, form);
        return record;
    }

    /// <summary>
    /// A record restored from a seed file: like a create, but the ObjectId, the system fields and the row ids given
    /// are kept, so that an exported store imports as it was.
    /// </summary>
    public static JsonObject SeedRecord(FormSchema? form, JsonObject input)
    {
        var objectId = LenientJson.ReadString(input[SystemFieldCodes.ObjectId], SystemFieldCodes.ObjectId)?.Trim();
        var status = LenientJson.ReadInt(input[SystemFieldCodes.Status], SystemFieldCodes.Status);
        var record = NewRecord(form, input, status is null or 1, string.IsNullOrEmpty(objectId) ? Guid.NewGuid().ToString("D") : objectId, ChildRowUpdateMode.Replace, ChinaTime.Now);
        if (status is { } value)
        {
            record[SystemFieldCodes.Status] = value;
        }

        foreach (var code in new[] { SystemFieldCodes.CreatedTime, SystemFieldCodes.ModifiedTime })
        {
            if (LenientJson.ReadString(input[code], code) is { Length: > 0 } text)
            {
                record[code] = H3DateText.TryParse(text, out var date)
                    ? H3DateText.Format(date)
                    : throw new H3RequestException($"{code} is not a date: {text}");
            }
        }

        foreach (var code in new[] { SystemFieldCodes.ModifiedBy, SystemFieldCodes.SeqNo, SystemFieldCodes.WorkflowInstanceId })
        {
            if (input.ContainsKey(code))
            {
                record[code] = LenientJson.ReadString(input[code], code);
            }
        }

        return record;
    }

    private static JsonObject NewRecord(FormSchema? form, JsonObject input, bool isSubmit, string objectId, ChildRowUpdateMode childRows, DateTime chinaNow)
    {
        var (members, tables) = PrepareMembers(form, input);
        var now = H3DateText.Format(chinaNow);
        var creator = (string?)members[SystemFieldCodes.CreatedBy] ?? EmulatorOrganization.AdminUserId;
        var record = new JsonObject
        {
            [SystemFieldCodes.ObjectId] = objectId,
            [SystemFieldCodes.Name] = null,
            [SystemFieldCodes.CreatedBy] = creator,
            [SystemFieldCodes.OwnerId] = EmulatorOrganization.AdminUserId,
            [SystemFieldCodes.OwnerDeptId] = EmulatorOrganization.DepartmentId,
            [SystemFieldCodes.CreatedTime] = now,
            [SystemFieldCodes.ModifiedBy] = creator,
            [SystemFieldCodes.ModifiedTime] = now,
            [SystemFieldCodes.WorkflowInstanceId] = string.Empty,
            [SystemFieldCodes.Status] = isSubmit ? 1 : 0,
            [SystemFieldCodes.SeqNo] = null,
        };
        MoveMembers(members, record);
        foreach (var (code, rows) in tables)
        {
            record[code] = ChildRows.Apply(childRows, existing: null, rows, objectId);
        }

        return record;
    }

    /// <summary>Validates an update now and returns the change to apply to the stored record under the store's lock.</summary>
    public Action<JsonObject> PrepareUpdate(FormSchema? form, JsonObject input, string objectId)
    {
        var (members, tables) = PrepareMembers(form, input);
        var now = H3DateText.Format(Now());
        return record =>
        {
            MoveMembers(members, record);
            foreach (var (code, rows) in tables)
            {
                record[code] = ChildRows.Apply(settings.ChildRows, record[code] as JsonArray, rows, objectId);
            }

            record[SystemFieldCodes.ModifiedBy] = EmulatorOrganization.AdminUserId;
            record[SystemFieldCodes.ModifiedTime] = now;
            ApplyTitle(record, form);
        };
    }

    /// <summary>The configured clock in China time; H3Yun's read format drops the fraction, so stamps are whole seconds.</summary>
    private DateTime Now() => ChinaTime.FromOffset(settings.Clock.GetUtcNow());

    /// <summary>H3Yun computes the title (Name) from the form's template; with one, the emulator does too.</summary>
    private void ApplyTitle(JsonObject record, FormSchema? form)
    {
        var schemaCode = form?.SchemaCode;
        var template = schemaCode is not null && settings.TitleTemplates.TryGetValue(schemaCode, out var own)
            ? own
            : settings.Strict ? StrictDefaultTitle : null;
        if (template is not null)
        {
            record[SystemFieldCodes.Name] = template.Render(record, form);
        }
    }

    private static readonly TitleTemplate StrictDefaultTitle = TitleTemplate.Parse(TitleTemplate.Default, "(strict default)");

    private static (JsonObject Members, Dictionary<string, IReadOnlyList<SentRow>> Tables) PrepareMembers(FormSchema? form, JsonObject input)
    {
        var prepared = new JsonObject();
        var tables = new Dictionary<string, IReadOnlyList<SentRow>>(StringComparer.Ordinal);
        foreach (var (code, value) in input)
        {
            if (SystemFieldCodes.IsServerOwned(code) || SystemFieldCodes.IsPeopleCompanion(code))
            {
                continue;
            }

            if (code == SystemFieldCodes.Name)
            {
                prepared[code] = LenientJson.ReadString(value, code);
            }
            else if (SystemFieldCodes.IsPeople(code))
            {
                // A record always has a creator, owner and department, so an empty id keeps the current one.
                // Trimming matters: H3Yun's own CreateBizObject sample sends an OwnerId with a leading space.
                var id = LenientJson.ReadString(value, code)?.Trim();
                if (!string.IsNullOrEmpty(id))
                {
                    prepared[code] = id;
                }
            }
            else if (form is null)
            {
                if (LooksLikeChildRows(value))
                {
                    tables[code] = PrepareRows(null, code, value, null);
                }
                else
                {
                    prepared[code] = value?.DeepClone();
                }
            }
            else
            {
                var field = form.Find(code) ?? throw UnknownField(form, code, parent: null);
                RefuseAttachment(form, field);
                if (field.IsChildTable)
                {
                    tables[code] = PrepareRows(field.ChildSchema, code, value, form);
                }
                else
                {
                    prepared[code] = FieldValueNormalizer.Normalize(form, field, value);
                }
            }
        }

        return (prepared, tables);
    }

    /// <summary>Without a schema, only an array of objects can be a child table.</summary>
    private static bool LooksLikeChildRows(JsonNode? value) =>
        value is JsonArray { Count: > 0 } array && array.All(item => item is JsonObject);

    private static List<SentRow> PrepareRows(FormSchema? childForm, string code, JsonNode? value, FormSchema? parentForm)
    {
        var rows = new List<SentRow>();
        var input = LenientJson.ReadEmbeddedArray(value, code);
        if (input is null)
        {
            return rows;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < input.Count; i++)
        {
            var what = $"{code}[{i}]";
            var row = LenientJson.ReadEmbeddedObject(input[i], what)
                ?? throw new H3RequestException($"子表行不能为空 / child-table row {what} is null");
            var sent = PrepareRow(childForm, row, parentForm, what);
            if (sent.ObjectId is { } id && !ids.Add(id))
            {
                throw new H3RequestException($"子表行 ObjectId 重复 / child-table rows of {code} repeat the ObjectId {id} (at {what}); each row must be sent once");
            }

            rows.Add(sent);
        }

        return rows;
    }

    private static SentRow PrepareRow(FormSchema? childForm, JsonObject row, FormSchema? parentForm, string what)
    {
        var rowId = LenientJson.ReadString(row[SystemFieldCodes.ObjectId], $"{what}.{SystemFieldCodes.ObjectId}")?.Trim();
        var members = new JsonObject();
        if (row.ContainsKey(SystemFieldCodes.Name))
        {
            members[SystemFieldCodes.Name] = LenientJson.ReadString(row[SystemFieldCodes.Name], $"{what}.{SystemFieldCodes.Name}");
        }

        foreach (var (code, value) in row)
        {
            if ((SystemFieldCodes.OnRow.Contains(code) || SystemFieldCodes.Bookkeeping.Contains(code)))
            {
                continue;
            }

            if (childForm is null)
            {
                members[code] = value?.DeepClone();
                continue;
            }

            var field = childForm.Find(code) ?? throw UnknownField(childForm, code, parentForm);
            RefuseAttachment(childForm, field);
            members[code] = FieldValueNormalizer.Normalize(childForm, field, value);
        }

        return new SentRow(string.IsNullOrEmpty(rowId) ? null : rowId, members);
    }

    /// <summary>H3Yun fills attachment and image fields only through UploadAttachment (docs/protocol.md#attachments).</summary>
    private static void RefuseAttachment(FormSchema form, FieldSchema field)
    {
        if (field.IsAttachment)
        {
            throw new H3RequestException($"附件控件不能通过 BizObject 赋值 / field {field.Code} of {form.Describe()} is an attachment ({field.DataType}) field: it cannot be written through BizObject; upload files with /OpenApi/UploadAttachment once the record exists");
        }
    }

    private static H3RequestException UnknownField(FormSchema form, string code, FormSchema? parent) => parent is null
        ? new($"表单 {form.Describe()} 没有字段 {code} / form {form.Describe()} has no field code '{code}'")
        : new($"子表 {form.Describe()} 没有字段 {code} / child table {form.Describe()} of form {parent.Describe()} has no field code '{code}'");

    private static void MoveMembers(JsonObject from, JsonObject to)
    {
        var members = from.ToList();
        from.Clear();
        foreach (var (code, value) in members)
        {
            to[code] = value;
        }
    }
}
