using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Compares request bodies structurally: member order and whitespace do not matter, numbers compare by value, and
/// the members H3Yun carries as JSON inside a string (BizObject, Filter, each BizObjectArray item) are parsed and
/// compared as JSON too.
/// </summary>
internal static class JsonAssert
{
    private static readonly HashSet<string> JsonInString = ["BizObject", "Filter", "BizObjectArray"];

    public static void Equivalent(string expected, string actual)
    {
        var e = Normalize(JsonNode.Parse(expected));
        var a = Normalize(JsonNode.Parse(actual));
        if (!JsonNode.DeepEquals(e, a))
        {
            Assert.Fail($"JSON differs.\nExpected: {e?.ToJsonString()}\nActual:   {a?.ToJsonString()}");
        }
    }

    /// <summary>The BizObject string of a request body exactly as sent: member order and formatting included.</summary>
    public static string BizObjectText(string body) => JsonNode.Parse(body)!["BizObject"]!.GetValue<string>();

    /// <summary>Parses a body and unwraps its JSON-in-string members, for asserting single members.</summary>
    public static JsonNode Parse(string json) => Normalize(JsonNode.Parse(json))!;

    private static JsonNode? Normalize(JsonNode? node, string? memberName = null)
    {
        switch (node)
        {
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sorted[name] = Normalize(value?.DeepClone(), name);
                }

                return sorted;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Normalize(item?.DeepClone(), memberName))]);
            case JsonValue value when memberName is not null && JsonInString.Contains(memberName) && value.TryGetValue<string>(out var text):
                return Normalize(JsonNode.Parse(text));
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(value.GetValue<decimal>());
            default:
                return node;
        }
    }
}
