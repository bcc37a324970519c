using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Writes the JSON body of an OpenApi call, with members in the order of H3Yun's official samples. BizObject and
/// Filter are JSON strings that hold JSON; BizObjectArray is an array of such strings; IsSubmit is a JSON boolean.
/// </summary>
internal static class OpenApiRequestWriter
{
    public static byte[] Write(OpenApiRequest request) => JsonWriting.ToUtf8(request, WriteBody).ToArray();

    private static void WriteBody(Utf8JsonWriter json, OpenApiRequest request)
    {
        json.WriteStartObject();
        json.WriteString("ActionName", request.ActionName);
        json.WriteString("SchemaCode", request.SchemaCode);
        if (request.BizObjectId is { } id)
        {
            json.WriteString("BizObjectId", id);
        }

        if (request.BizObject is { } record)
        {
            json.WriteString("BizObject", record.Span);
        }

        if (request.BizObjectArray is { } records)
        {
            json.WriteStartArray("BizObjectArray");
            foreach (var item in records)
            {
                json.WriteStringValue(item.Span);
            }

            json.WriteEndArray();
        }

        if (request.Filter is { } filter)
        {
            json.WriteString("Filter", FilterWriter.ToUtf8(filter).Span);
        }

        if (request.IsSubmit is { } submit)
        {
            json.WriteBoolean("IsSubmit", submit);
        }

        json.WriteEndObject();
    }

    /// <summary>Serializes a record's fields selected by <paramref name="mode"/> to the UTF-8 JSON of a BizObject.</summary>
    public static ReadOnlyMemory<byte> Serialize(H3Record record, RecordWriteMode mode) =>
        JsonWriting.ToUtf8((record, mode), static (json, state) => state.record.WriteTo(new BizObjectWriter(json, state.mode)));
}
