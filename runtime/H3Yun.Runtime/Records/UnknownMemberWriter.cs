using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Writes back the members of a row that the schema does not list, so that re-sending a row does not empty them.
/// Their types are unknown, so a value is written the way H3Yun stores it where that is certain and skipped where
/// writing could damage it: ids instead of display names (from an <c>…Object</c> companion or an
/// <c>{ObjectId, Name}</c> value), scalars as received, and never objects or lists of objects that are not
/// references (attachments, which H3Yun does not accept through BizObject).
/// </summary>
internal static class UnknownMemberWriter
{
    private const string CompanionSuffix = "Object";

    public static void WriteBack(BizObjectWriter writer, List<KeyValuePair<string, JsonElement>> members)
    {
        foreach (var (name, value) in members)
        {
            if (IsCompanionOfAnother(name, members))
            {
                continue;
            }

            var stored = Find(members, name + CompanionSuffix) is { } companion ? Ids(companion) : StoredForm(value);
            if (stored is { } json)
            {
                writer.Json.PropertyName(name);
                json(writer.Json);
            }
        }
    }

    private static bool IsCompanionOfAnother(string name, List<KeyValuePair<string, JsonElement>> members) =>
        name.Length > CompanionSuffix.Length
        && name.EndsWith(CompanionSuffix, StringComparison.Ordinal)
        && Find(members, name[..^CompanionSuffix.Length]) is not null;

    private static JsonElement? Find(List<KeyValuePair<string, JsonElement>> members, string name) =>
        members.FindIndex(m => string.Equals(m.Key, name, StringComparison.Ordinal)) is var i and >= 0 ? members[i].Value : null;

    private static Action<RecordJsonWriter>? StoredForm(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null =>
            json => json.RawValue(value),
        JsonValueKind.Object or JsonValueKind.Array => Ids(value) ?? Texts(value),
        _ => null,
    };

    // {ObjectId, Name} or a list of them: H3Yun stores the ids, ';'-joined for several.
    private static Action<RecordJsonWriter>? Ids(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return ReferenceId(value) is { } id ? json => json.StringValue(id) : null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return null;
        }

        var ids = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || ReferenceId(item) is not { } id)
            {
                return null;
            }

            ids.Add(id);
        }

        return json => json.StringValue(WireFormat.JoinMultiValue(ids));
    }

    // A list of texts is a multi-value field, which H3Yun stores ';'-joined.
    private static Action<RecordJsonWriter>? Texts(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            texts.Add(item.GetString()!);
        }

        return json => json.StringValue(WireFormat.JoinMultiValue(texts));
    }

    // Only an object made of nothing but a reference's members is a reference; attachments carry more.
    private static string? ReferenceId(JsonElement obj)
    {
        string? id = null;
        foreach (var member in obj.EnumerateObject())
        {
            if (member.NameEquals("ObjectId"u8) && member.Value.ValueKind == JsonValueKind.String)
            {
                id = member.Value.GetString();
            }
            else if (!member.NameEquals("Name"u8) && !member.NameEquals("EntryId"u8))
            {
                return null;
            }
        }

        return string.IsNullOrEmpty(id) ? null : id;
    }
}
