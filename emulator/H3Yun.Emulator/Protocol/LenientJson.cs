using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Emulator.Protocol;

/// <summary>
/// Reads request members the way real clients send them: H3Yun's own samples put JSON inside JSON strings and
/// send booleans and numbers as strings, while other clients send plain objects, booleans and numbers.
/// </summary>
internal static class LenientJson
{
    // A repeated member is ambiguous (which one would H3Yun take?), so it is refused up front.
    private static readonly JsonDocumentOptions StrictDocument = new() { AllowDuplicateProperties = false };

    public static JsonObject ParseObject(string text, string what)
    {
        var node = Parse(text, what);
        return node as JsonObject
            ?? throw new H3RequestException($"{what} 必须是 JSON 对象 / {what} must be a JSON object, got {KindOf(node)}");
    }

    public static JsonArray ParseArray(string text, string what)
    {
        var node = Parse(text, what);
        return node as JsonArray
            ?? throw new H3RequestException($"{what} 必须是 JSON 数组 / {what} must be a JSON array, got {KindOf(node)}");
    }

    /// <summary>An object sent either as itself or as a string holding its JSON; null or blank means absent.</summary>
    public static JsonObject? ReadEmbeddedObject(JsonNode? node, string memberName) => node switch
    {
        null => null,
        JsonObject obj => obj,
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            string.IsNullOrWhiteSpace(value.GetValue<string>()) ? null : ParseObject(value.GetValue<string>(), memberName),
        _ => throw new H3RequestException($"{memberName} 必须是 JSON 对象或其 JSON 字符串 / {memberName} must be a JSON object or a string holding one, got {KindOf(node)}"),
    };

    /// <summary>An array sent either as itself or as a string holding its JSON (one 2019 client sent <c>"[]"</c>).</summary>
    public static JsonArray? ReadEmbeddedArray(JsonNode? node, string memberName) => node switch
    {
        null => null,
        JsonArray array => array,
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            string.IsNullOrWhiteSpace(value.GetValue<string>()) ? null : ParseArray(value.GetValue<string>(), memberName),
        _ => throw new H3RequestException($"{memberName} 必须是 JSON 数组 / {memberName} must be a JSON array, got {KindOf(node)}"),
    };

    public static bool? ReadBool(JsonNode? node, string memberName)
    {
        if (node is null)
        {
            return null;
        }

        if (TryReadBool(node, out var flag))
        {
            return flag;
        }

        throw new H3RequestException($"{memberName} 必须是 true 或 false / {memberName} must be true or false, got {node.ToJsonString()}");
    }

    public static bool TryReadBool(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue scalar)
        {
            return false;
        }

        switch (scalar.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return bool.TryParse(scalar.GetValue<string>().Trim(), out value);
            default:
                return false;
        }
    }

    public static int? ReadInt(JsonNode? node, string memberName)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue scalar)
        {
            var text = scalar.GetValueKind() switch
            {
                JsonValueKind.Number => scalar.ToJsonString(),
                JsonValueKind.String => scalar.GetValue<string>().Trim(),
                _ => null,
            };
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        throw new H3RequestException($"{memberName} 必须是整数 / {memberName} must be an integer, got {node.ToJsonString()}");
    }

    /// <summary>A string member; numbers are taken as their text because some clients send codes and ids unquoted.</summary>
    public static string? ReadString(JsonNode? node, string memberName)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue scalar)
        {
            switch (scalar.GetValueKind())
            {
                case JsonValueKind.String:
                    return scalar.GetValue<string>();
                case JsonValueKind.Number:
                    return scalar.ToJsonString();
            }
        }

        throw new H3RequestException($"{memberName} 必须是字符串 / {memberName} must be a string, got {KindOf(node)}");
    }

    public static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    private static JsonNode? Parse(string text, string what)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: StrictDocument);
        }
        catch (JsonException ex)
        {
            throw new H3RequestException($"{what} 不是有效的 JSON / {what} is not valid JSON: {ex.Message}", ex);
        }
    }
}
