using System.Linq;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Querying;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Storage;

namespace H3Yun.Emulator.Actions;

/// <summary>LoadBizObject and LoadBizObjects.</summary>
internal sealed class ReadActions(RecordStore store, MissingRecordAnswer missingRecord)
{
    /// <summary>A missing record is answered as <see cref="MissingRecordAnswer"/> says: H3Yun does not document it.</summary>
    public JsonObject LoadBizObject(InvokeRequest request, string schemaCode, FormSchema? form)
    {
        var objectId = request.RequireBizObjectId();
        var stored = store.Find(schemaCode, objectId);
        if (stored is null && missingRecord == MissingRecordAnswer.NotFoundError)
        {
            throw WriteActions.NotFound(objectId);
        }

        return new JsonObject { ["BizObject"] = stored is null ? null : ReadFormatter.Format(stored, form) };
    }

    public JsonObject LoadBizObjects(InvokeRequest request, string schemaCode, FormSchema? form)
    {
        var filter = FilterParser.Parse(request.Filter, form);
        var matching = store.Snapshot(schemaCode)
            .Where(record => MatcherEvaluator.Matches(filter.Matcher, record, form))
            .ToList();
        var window = RecordSorter.Sort(matching, filter.Sort, form)
            .Skip(filter.FromRowNum)
            .Take(filter.ToRowNum - filter.FromRowNum)
            .Select(record => (JsonNode)ReadFormatter.Format(record, form, filter.ReturnItems));
        var returnData = new JsonObject { ["BizObjectArray"] = new JsonArray([.. window]) };
        if (filter.RequireCount)
        {
            returnData["TotalCount"] = matching.Count;
        }

        return returnData;
    }
}
