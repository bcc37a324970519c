using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Querying;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Storage;

namespace H3Yun.Emulator.Actions;

/// <summary>LoadBizObject and LoadBizObjects.</summary>
internal sealed class ReadActions(RecordStore store, EmulatorSettings settings)
{
    /// <summary>A missing record is answered as <see cref="MissingRecordAnswer"/> says: H3Yun does not document it.</summary>
    public JsonObject LoadBizObject(InvokeRequest request, string schemaCode, FormSchema? form)
    {
        var objectId = request.RequireBizObjectId();
        if (store.Find(schemaCode, objectId) is { } stored)
        {
            return new JsonObject { ["BizObject"] = ReadFormatter.Format(stored, form, store.AttachmentsOf(schemaCode, objectId), settings.ReadStyle) };
        }

        // Without schemas the emulator cannot tell a child table's code from a form's: look for a row too.
        if (form is null && store.FindChildRow(null, schemaCode, objectId) is { } found)
        {
            return new JsonObject { ["BizObject"] = ReadFormatter.FormatChildRow(found.Row, null, store.AttachmentsOf(found.ParentSchemaCode, objectId), settings.ReadStyle) };
        }

        return Missing(objectId);
    }

    /// <summary>
    /// LoadBizObject with a child table's SchemaCode and a row's ObjectId answers that row with its attachments,
    /// which the main record's read leaves out (docs/protocol.md#attachments).
    /// </summary>
    public JsonObject LoadChildRow(InvokeRequest request, FormSchema parent, FieldSchema table)
    {
        var rowId = request.RequireBizObjectId();
        var childSchemaCode = table.ChildSchema?.SchemaCode ?? table.Code;
        return store.FindChildRow(parent.SchemaCode, table.Code, rowId) is { } found
            ? new JsonObject { ["BizObject"] = ReadFormatter.FormatChildRow(found.Row, table.ChildSchema, store.AttachmentsOf(parent.SchemaCode, rowId), settings.ReadStyle) }
            : Missing(rowId, $"{childSchemaCode} ({parent.Describe()})");
    }

    private JsonObject Missing(string objectId, string? where = null) => settings.MissingRecord == MissingRecordAnswer.NotFoundError
        ? throw WriteActions.NotFound(where is null ? objectId : $"{objectId} in child table {where}")
        : new JsonObject { ["BizObject"] = null };

    public JsonObject LoadBizObjects(InvokeRequest request, string schemaCode, FormSchema? form)
    {
        var filter = FilterParser.Parse(request.Filter, form);
        var range = TimeRange.Of(filter.Matcher);
        // H3Yun's documentation says SortByCollection "目前不支持使用" (not supported); strict mode ignores it.
        var sort = settings.Strict || filter.Sort.Count == 0 ? null : RecordSorter.Comparer(filter.Sort, form);
        var (count, page) = store.Query(
            schemaCode,
            range,
            record => MatcherEvaluator.Matches(filter.Matcher, record, form, settings.Strict),
            range?.Residual is { } residual ? record => MatcherEvaluator.Matches(residual, record, form, settings.Strict) : null,
            sort,
            filter.FromRowNum,
            filter.ToRowNum - filter.FromRowNum);
        var attachments = store.AttachmentsOfForm(schemaCode);
        var window = page.Select(record => (JsonNode)ReadFormatter.Format(
            record,
            form,
            attachments.TryGetValue((string)record[SystemFieldCodes.ObjectId]!, out var found) ? found : [],
            settings.ReadStyle,
            filter.ReturnItems));
        var returnData = new JsonObject { ["BizObjectArray"] = new JsonArray([.. window]) };
        if (filter.RequireCount)
        {
            returnData["TotalCount"] = count;
        }

        return returnData;
    }
}
