using System.Text;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Address (地址) and location (位置) values travel as JSON strings that hold a JSON object; attachments come back in
/// shapes H3Yun does not document. This reads all of them liberally and writes the two settable ones.
/// </summary>
internal static class StructuredValues
{
    public static H3Address? ReadAddress(JsonElement value, string fieldCode)
    {
        var obj = Unwrap(value, fieldCode, "an address");
        if (obj is not { } o)
        {
            return null;
        }

        var address = new H3Address(Text(o, "adcode", fieldCode), Text(o, "adname", fieldCode), Text(o, "Detail", fieldCode));
        // H3Yun's empty address is {"adcode":"","adname":"","Detail":""}.
        return string.IsNullOrEmpty(address.Adcode) && string.IsNullOrEmpty(address.Adname) && string.IsNullOrEmpty(address.Detail) ? null : address;
    }

    public static H3Location? ReadLocation(JsonElement value, string fieldCode)
    {
        var obj = Unwrap(value, fieldCode, "a location");
        if (obj is not { } o)
        {
            return null;
        }

        H3GeoPoint? point = null;
        if (JsonWriting.Member(o, "Point") is { ValueKind: JsonValueKind.Object } p
            && BizValueReader.ReadDecimal(JsonWriting.Member(p, "lat"), fieldCode) is { } lat
            && BizValueReader.ReadDecimal(JsonWriting.Member(p, "lng"), fieldCode) is { } lng)
        {
            point = new H3GeoPoint(lat, lng);
        }

        var address = Text(o, "Address", fieldCode);
        return address is null && point is null ? null : new H3Location(address, point);
    }

    public static List<H3Attachment> ReadAttachments(JsonElement value, string fieldCode)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return [];
            case JsonValueKind.String:
                return [.. (BizValueReader.ReadMultiValue(value, fieldCode) ?? []).Select(static id => new H3Attachment(id))];
            case JsonValueKind.Array:
                var attachments = new List<H3Attachment>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } id)
                    {
                        attachments.Add(new H3Attachment(id));
                    }
                    else if (item.ValueKind == JsonValueKind.Object
                        && (Text(item, "ObjectId", fieldCode) ?? Text(item, "AttachmentId", fieldCode) ?? Text(item, "Id", fieldCode)) is { } objectId)
                    {
                        var size = JsonWriting.Member(item, "FileSize") is { ValueKind: not JsonValueKind.Undefined } fileSize ? fileSize : JsonWriting.Member(item, "Size");
                        attachments.Add(new H3Attachment(
                            objectId,
                            Text(item, "FileName", fieldCode) ?? Text(item, "Name", fieldCode),
                            Text(item, "ContentType", fieldCode),
                            size.ValueKind == JsonValueKind.Undefined ? null : BizValueReader.ReadInt64(size, fieldCode)));
                    }
                }

                return attachments;
            default:
                throw new BizValueFormatException(fieldCode, "attachments", WireFormat.Excerpt(value));
        }
    }

    public static string FormatAddress(H3Address address) => Serialize(address, static (json, a) =>
    {
        json.WriteString("adcode", a.Adcode ?? string.Empty);
        json.WriteString("adname", a.Adname ?? string.Empty);
        json.WriteString("Detail", a.Detail ?? string.Empty);
    });

    public static string FormatLocation(H3Location location) => Serialize(location, static (json, l) =>
    {
        json.WriteString("Address", l.Address ?? string.Empty);
        if (l.Point is { } point)
        {
            json.WriteStartObject("Point");
            json.WriteNumber("lat", point.Lat);
            json.WriteNumber("lng", point.Lng);
            json.WriteEndObject();
        }
    });

    private static string Serialize<T>(T value, Action<Utf8JsonWriter, T> writeMembers)
    {
        using var utf8 = JsonWriting.ToPooledUtf8((value, writeMembers), static (json, state) =>
        {
            json.WriteStartObject();
            state.writeMembers(json, state.value);
            json.WriteEndObject();
        });
        return Encoding.UTF8.GetString(utf8.WrittenSpan);
    }

    /// <summary>The object a value holds: itself, or parsed from the JSON string H3Yun sends it as.</summary>
    private static JsonElement? Unwrap(JsonElement value, string fieldCode, string expected)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Object:
                return value;
            case JsonValueKind.String when string.IsNullOrWhiteSpace(value.GetString()):
                return null;
            case JsonValueKind.String:
                try
                {
                    using var document = JsonDocument.Parse(value.GetString()!);
                    return document.RootElement.ValueKind == JsonValueKind.Object
                        ? document.RootElement.Clone()
                        : throw new BizValueFormatException(fieldCode, expected + " as a JSON object", WireFormat.Excerpt(value));
                }
                catch (JsonException)
                {
                    throw new BizValueFormatException(fieldCode, expected + " as JSON", WireFormat.Excerpt(value));
                }

            default:
                throw new BizValueFormatException(fieldCode, expected, WireFormat.Excerpt(value));
        }
    }

    private static string? Text(JsonElement obj, string name, string fieldCode) =>
        JsonWriting.Member(obj, name) is { ValueKind: not JsonValueKind.Undefined } member ? BizValueReader.ReadString(member, fieldCode) : null;
}
