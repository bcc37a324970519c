using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Storage;

namespace H3Yun.Emulator.Actions;

/// <summary>CreateBizObject(s), UpdateBizObject and RemoveBizObject.</summary>
internal sealed class WriteActions(RecordStore store, RecordWriter writer, EmulatorSettings settings)
{
    public JsonObject CreateBizObject(InvokeRequest request, string schemaCode, FormSchema? form)
    {
        var record = writer.NewRecord(form, request.RequireBizObject(), request.IsSubmit);
        store.AddRange(schemaCode, [record], NumbersRecords(form));
        return new JsonObject
        {
            ["BizObjectId"] = (string?)record[SystemFieldCodes.ObjectId],
            // No workflow is ever started by the emulator; H3Yun sends an empty id in that case.
            ["WorkflowInstanceId"] = string.Empty,
        };
    }

    /// <summary>
    /// H3Yun does not document this reply; the emulator answers <c>{"BizObjectIdArray": [...]}</c> in input order.
    /// Every item is validated before any is stored, so a refused batch stores nothing.
    /// </summary>
    public JsonObject CreateBizObjects(InvokeRequest request, string schemaCode, FormSchema? form)
    {
        var isSubmit = request.IsSubmit;
        List<JsonObject> records = [.. request.RequireBizObjectArray().Select(input => writer.NewRecord(form, input, isSubmit))];
        store.AddRange(schemaCode, records, NumbersRecords(form));
        return new JsonObject
        {
            ["BizObjectIdArray"] = new JsonArray([.. records.Select(record => (JsonNode?)(string?)record[SystemFieldCodes.ObjectId])]),
        };
    }

    /// <summary>Merges only the members sent; a member sent as null clears that field; child tables follow <see cref="ChildRowUpdateMode"/>.</summary>
    public JsonObject UpdateBizObject(InvokeRequest request, string schemaCode, FormSchema? form)
    {
        var objectId = request.RequireBizObjectId();
        var change = writer.PrepareUpdate(form, request.RequireBizObject(), objectId);
        return store.TryUpdate(schemaCode, objectId, change) ? new JsonObject() : throw NotFound(objectId);
    }

    public JsonObject RemoveBizObject(InvokeRequest request, string schemaCode)
    {
        var objectId = request.RequireBizObjectId();
        return store.Remove(schemaCode, objectId) ? new JsonObject() : throw NotFound(objectId);
    }

    /// <summary>Strict mode numbers (SeqNo) only the records of forms whose schema file lists SeqNo.</summary>
    private bool NumbersRecords(FormSchema? form) => !settings.Strict || form?.HasSeqNo == true;

    /// <summary>The one text for a BizObjectId that names no record, starting with the words H3Yun uses.</summary>
    public static H3RequestException NotFound(string objectId) =>
        new($"业务对象不存在 / record not found: {objectId}");
}
