using System;
using System.Linq;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Values;

namespace H3Yun.Emulator.Actions;

/// <summary>
/// Turns a client's BizObject into stored members. Everything is validated before anything is stored, so a refused
/// write changes nothing.
/// </summary>
internal static class RecordWriter
{
    public static JsonObject NewRecord(FormSchema? form, JsonObject input, bool isSubmit)
    {
        var objectId = Guid.NewGuid().ToString("D");
        var members = PrepareMembers(form, input, objectId);
        var now = H3DateText.Format(ChinaTime.Now);
        var creator = (string?)members[SystemFields.CreatedBy] ?? EmulatorOrganization.AdminUserId;
        var record = new JsonObject
        {
            [SystemFields.ObjectId] = objectId,
            [SystemFields.Name] = null,
            [SystemFields.CreatedBy] = creator,
            [SystemFields.OwnerId] = EmulatorOrganization.AdminUserId,
            [SystemFields.OwnerDeptId] = EmulatorOrganization.DepartmentId,
            [SystemFields.CreatedTime] = now,
            [SystemFields.ModifiedBy] = creator,
            [SystemFields.ModifiedTime] = now,
            [SystemFields.WorkflowInstanceId] = string.Empty,
            [SystemFields.Status] = isSubmit ? 1 : 0,
            [SystemFields.SeqNo] = null,
        };
        MoveMembers(members, record);
        return record;
    }

    /// <summary>Validates an update now and returns the change to apply to the stored record under the store's lock.</summary>
    public static Action<JsonObject> PrepareUpdate(FormSchema? form, JsonObject input, string objectId)
    {
        var members = PrepareMembers(form, input, objectId);
        var now = H3DateText.Format(ChinaTime.Now);
        return record =>
        {
            MoveMembers(members, record);
            record[SystemFields.ModifiedBy] = EmulatorOrganization.AdminUserId;
            record[SystemFields.ModifiedTime] = now;
        };
    }

    private static JsonObject PrepareMembers(FormSchema? form, JsonObject input, string objectId)
    {
        var prepared = new JsonObject();
        foreach (var (code, value) in input)
        {
            if (SystemFields.ServerOwned.Contains(code) || SystemFields.IsPeopleCompanion(code))
            {
                continue;
            }

            if (code == SystemFields.Name)
            {
                prepared[code] = LenientJson.ReadString(value, code);
            }
            else if (SystemFields.People.Contains(code))
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
                prepared[code] = LooksLikeChildRows(value) ? PrepareRows(null, code, value, objectId) : value?.DeepClone();
            }
            else
            {
                var field = form.Find(code) ?? throw UnknownField(form, code, parent: null);
                prepared[code] = field.IsChildTable
                    ? PrepareRows(field.ChildSchema, code, value, objectId, form)
                    : FieldValueNormalizer.Normalize(form, field, value);
            }
        }

        return prepared;
    }

    /// <summary>Without a schema, only an array of objects can be a child table.</summary>
    private static bool LooksLikeChildRows(JsonNode? value) =>
        value is JsonArray { Count: > 0 } array && array.All(item => item is JsonObject);

    private static JsonArray PrepareRows(FormSchema? childForm, string code, JsonNode? value, string parentObjectId, FormSchema? parentForm = null)
    {
        var rows = new JsonArray();
        var input = LenientJson.ReadEmbeddedArray(value, code);
        if (input is null)
        {
            return rows;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var what = $"{code}[{i}]";
            var row = LenientJson.ReadEmbeddedObject(input[i], what)
                ?? throw new H3RequestException($"子表行不能为空 / child-table row {what} is null");
            rows.Add(PrepareRow(childForm, row, parentObjectId, parentForm));
        }

        return rows;
    }

    private static JsonObject PrepareRow(FormSchema? childForm, JsonObject row, string parentObjectId, FormSchema? parentForm)
    {
        var rowId = LenientJson.ReadString(row[SystemFields.ObjectId], SystemFields.ObjectId)?.Trim();
        var prepared = new JsonObject
        {
            [SystemFields.ObjectId] = string.IsNullOrEmpty(rowId) ? Guid.NewGuid().ToString("D") : rowId,
            [SystemFields.Name] = LenientJson.ReadString(row[SystemFields.Name], SystemFields.Name),
            [SystemFields.ParentObjectId] = parentObjectId,
        };
        foreach (var (code, value) in row)
        {
            if (SystemFields.ChildRow.Contains(code))
            {
                continue;
            }

            if (childForm is null)
            {
                prepared[code] = value?.DeepClone();
                continue;
            }

            var field = childForm.Find(code) ?? throw UnknownField(childForm, code, parentForm);
            prepared[code] = FieldValueNormalizer.Normalize(childForm, field, value);
        }

        return prepared;
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
