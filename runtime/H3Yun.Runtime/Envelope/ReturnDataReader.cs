using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Reads the <c>ReturnData</c> of each standard action (docs/protocol.md#actions), liberally: member names in any case, numbers
/// as strings, and the undocumented replies (CreateBizObjects) in whatever shape carries ids.
/// </summary>
internal static class ReturnDataReader
{
    /// <summary>LoadBizObject: <c>{"BizObject": record | null}</c>; null, absent or <c>{}</c> means no record.</summary>
    public static T? ReadRecord<T>(JsonElement returnData, Func<T> create)
        where T : H3Record
    {
        RequireObject(returnData);
        var record = JsonWriting.Member(returnData, "BizObject");
        if (record.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            || (record.ValueKind == JsonValueKind.Object && !record.EnumerateObject().Any()))
        {
            return null;
        }

        return ReadObject(record, create, "BizObject");
    }

    /// <summary>LoadBizObjects: <c>{"BizObjectArray": [...], "TotalCount": n}</c>.</summary>
    public static (List<T> Items, int? TotalCount) ReadRecords<T>(JsonElement returnData, Func<T> create)
        where T : H3Record
    {
        RequireObject(returnData);
        var array = JsonWriting.Member(returnData, "BizObjectArray");
        var items = new List<T>(array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0);
        if (array.ValueKind == JsonValueKind.Array)
        {
            var names = new MemberNameSequence();
            foreach (var element in array.EnumerateArray())
            {
                items.Add(ReadObject(element, create, "BizObjectArray", names));
            }
        }
        else if (array.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw new AnswerFormatException($"ReturnData.BizObjectArray should be an array but is a {array.ValueKind}.");
        }

        var total = JsonWriting.Member(returnData, "TotalCount");
        int? totalCount = total.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? null
            : BizValueReader.ReadInt32(total, "TotalCount");
        return (items, totalCount);
    }

    /// <summary>CreateBizObject: <c>{"BizObjectId": id, "WorkflowInstanceId": id}</c>.</summary>
    public static CreatedRecord ReadCreated(JsonElement returnData)
    {
        // One unofficial client reads "ObjectId"; the official client reads "BizObjectId". Accept either (docs/protocol.md#create-replies).
        var id = JsonWriting.Member(returnData, "BizObjectId") is { ValueKind: JsonValueKind.String } bizObjectId
            ? bizObjectId.GetString()
            : JsonWriting.Member(returnData, "ObjectId") is { ValueKind: JsonValueKind.String } objectId ? objectId.GetString() : null;
        if (string.IsNullOrEmpty(id))
        {
            throw new AnswerFormatException("ReturnData carries no BizObjectId for the created record.");
        }

        var workflow = JsonWriting.Member(returnData, "WorkflowInstanceId");
        return new CreatedRecord(id, workflow.ValueKind == JsonValueKind.String ? workflow.GetString() : null);
    }

    /// <summary>UploadAttachment: <c>{"AttachmentId": id}</c>.</summary>
    public static string ReadAttachmentId(JsonElement returnData)
    {
        RequireObject(returnData);
        return JsonWriting.Member(returnData, "AttachmentId") is { ValueKind: JsonValueKind.String } id && id.GetString() is { Length: > 0 } text
            ? text
            : throw new AnswerFormatException("ReturnData carries no AttachmentId for the uploaded file.");
    }

    /// <summary>
    /// CreateBizObjects: H3Yun does not document the reply. The ids are taken from ReturnData when it is an array of
    /// strings, or from its first member that is; otherwise none are known.
    /// </summary>
    public static IReadOnlyList<string> ReadCreatedIds(JsonElement returnData)
    {
        if (returnData.ValueKind == JsonValueKind.Array)
        {
            return StringsOf(returnData);
        }

        if (returnData.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in returnData.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Array)
                {
                    return StringsOf(member.Value);
                }
            }
        }

        return [];
    }

    // Member lookups find nothing in a number or an array, which would read as "no record" or "no matches".
    private static void RequireObject(JsonElement returnData)
    {
        if (returnData.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw new AnswerFormatException($"ReturnData should be an object but is a {returnData.ValueKind}.");
        }
    }

    private static List<string> StringsOf(JsonElement array) =>
        [.. array.EnumerateArray().Where(static e => e.ValueKind == JsonValueKind.String).Select(static e => e.GetString()!)];

    private static T ReadObject<T>(JsonElement element, Func<T> create, string memberName, MemberNameSequence? names = null)
        where T : H3Record
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new AnswerFormatException($"ReturnData.{memberName} should hold record objects but holds a {element.ValueKind}.");
        }

        var record = create();
        record.ReadFrom(element, names);
        return record;
    }
}
