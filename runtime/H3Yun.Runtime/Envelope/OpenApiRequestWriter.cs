using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Writes the JSON body of an OpenApi call, with members in the order of H3Yun's official samples. BizObject and
/// Filter are JSON strings that hold JSON; BizObjectArray is an array of such strings; IsSubmit is a JSON boolean.
/// </summary>
internal static class OpenApiRequestWriter
{
    public static byte[] Write(OpenApiRequest request, TimeZoneInfo zone) =>
        JsonWriting.ToUtf8((request, zone), static (json, state) => WriteBody(json, state.request, state.zone));

    private static void WriteBody(Utf8JsonWriter json, OpenApiRequest request, TimeZoneInfo zone)
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
            json.WritePropertyName("BizObject");
            JsonWriting.WriteJsonTextAsString(json, record.Span);
        }

        if (request.BizObjectArray is { } records)
        {
            json.WriteStartArray("BizObjectArray");
            foreach (var item in records)
            {
                JsonWriting.WriteJsonTextAsString(json, item.Span);
            }

            json.WriteEndArray();
        }

        if (request.Filter is { } filter)
        {
            using var filterJson = FilterWriter.ToPooledUtf8(filter, zone);
            json.WritePropertyName("Filter");
            JsonWriting.WriteJsonTextAsString(json, filterJson.WrittenSpan);
        }

        if (request.IsSubmit is { } submit)
        {
            json.WriteBoolean("IsSubmit", submit);
        }

        json.WriteEndObject();
    }

    /// <summary>A custom API call: ActionName, Controller, AppCode, then the parameters as top-level members (docs/protocol.md#custom-apis).</summary>
    public static byte[] Write(CustomApiRequest request) =>
        JsonWriting.ToUtf8(request, static (json, r) =>
        {
            json.WriteStartObject();
            json.WriteString("ActionName", r.ActionName);
            json.WriteString("Controller", r.Controller);
            json.WriteString("AppCode", r.AppCode);
            foreach (var (name, value) in r.Parameters)
            {
                json.WritePropertyName(name);
                if (value is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    value.WriteTo(json);
                }
            }

            json.WriteEndObject();
        });

    /// <summary>
    /// Serializes the fields of a record that a create or an update must send to the UTF-8 JSON of a BizObject, and
    /// collects into <paramref name="capture"/> what was sent, for the record to forget once H3Yun applied it.
    /// </summary>
    public static ReadOnlyMemory<byte> Serialize(H3Record record, WritePurpose purpose, TimeZoneInfo zone, WriteCapture? capture = null, string? recordObjectId = null)
    {
        using var json = new RecordJsonWriter();
        record.WriteTo(new BizObjectWriter(json, RecordWriteMode.Assigned, zone, purpose, capture) { RecordObjectId = recordObjectId });
        return json.WrittenSpan.ToArray();
    }

    /// <summary>Serializes the fields of a record that <paramref name="mode"/> selects, capturing nothing.</summary>
    public static ReadOnlyMemory<byte> Serialize(H3Record record, WritePurpose purpose, TimeZoneInfo zone, RecordWriteMode mode)
    {
        using var json = new RecordJsonWriter();
        record.WriteTo(new BizObjectWriter(json, mode, zone, purpose));
        return json.WrittenSpan.ToArray();
    }
}
