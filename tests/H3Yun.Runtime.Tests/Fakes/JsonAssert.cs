using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Compares request bodies structurally: member order and whitespace do not matter, numbers compare by value, and
/// the members H3Yun carries as JSON inside a string (BizObject, Filter, each BizObjectArray item) are parsed and
/// compared as JSON too. Those members must be strings in both bodies: a body that sends one as an object fails,
/// because H3Yun requires the string.
/// </summary>
internal static class JsonAssert
{
    private static readonly HashSet<string> JsonInString = ["BizObject", "Filter"];
    private const string JsonInStrings = "BizObjectArray";

    public static void Equivalent(string expected, string actual)
    {
        var e = NormalizeBody(JsonNode.Parse(expected), "expected");
        var a = NormalizeBody(JsonNode.Parse(actual), "actual");
        if (!JsonNode.DeepEquals(e, a))
        {
            Assert.Fail($"JSON differs.\nExpected: {e?.ToJsonString()}\nActual:   {a?.ToJsonString()}");
        }
    }

    /// <summary>The BizObject string of a request body exactly as sent: member order and formatting included.</summary>
    public static string BizObjectText(string body) => JsonInStringText(JsonNode.Parse(body)!["BizObject"], "the body's BizObject");

    /// <summary>Parses a body and unwraps its JSON-in-string members, for asserting single members.</summary>
    public static JsonNode Parse(string json) => NormalizeBody(JsonNode.Parse(json), "the body")!;

    private static JsonNode? NormalizeBody(JsonNode? body, string which)
    {
        if (body is not JsonObject envelope)
        {
            return Normalize(body);
        }

        var sorted = new JsonObject();
        foreach (var (name, value) in envelope.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            sorted[name] = name switch
            {
                _ when JsonInString.Contains(name) => ParseJsonInString(value, $"{which} {name}"),
                JsonInStrings when value is JsonArray items =>
                    new JsonArray([.. items.Select((item, i) => ParseJsonInString(item, $"{which} {name}[{i}]"))]),
                JsonInStrings => Fail($"{which} {name} must be an array of JSON strings but is {Kind(value)}"),
                _ => Normalize(value?.DeepClone()),
            };
        }

        return sorted;
    }

    private static JsonNode? ParseJsonInString(JsonNode? node, string what) => Normalize(JsonNode.Parse(JsonInStringText(node, what)));

    private static string JsonInStringText(JsonNode? node, string what) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : Fail<string>($"{what} must be a JSON string holding JSON, as H3Yun requires, but is {Kind(node)}: {node?.ToJsonString() ?? "null"}");

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (name, value) in obj.OrderBy(static p => p.Key, StringComparer.Ordinal))
                {
                    sorted[name] = Normalize(value?.DeepClone());
                }

                return sorted;
            case JsonArray array:
                return new JsonArray([.. array.Select(static item => Normalize(item?.DeepClone()))]);
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(value.GetValue<decimal>());
            default:
                return node;
        }
    }

    private static string Kind(JsonNode? node) => node is null ? "null" : $"a JSON {node.GetValueKind()}";

    private static T Fail<T>(string message)
    {
        Assert.Fail(message);
        throw new InvalidOperationException("unreachable");
    }

    private static JsonNode? Fail(string message) => Fail<JsonNode?>(message);
}
