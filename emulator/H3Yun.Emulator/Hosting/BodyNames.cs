using System.Text.Json;

namespace H3Yun.Emulator.Hosting;

/// <summary>The ActionName and SchemaCode of a body, for faults and the log, before (and whether or not) it parses.</summary>
internal static class BodyNames
{
    /// <summary>Best effort: a body that is not a JSON object still gets recorded, just without names.</summary>
    public static (string? ActionName, string? SchemaCode) Peek(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? (StringMember(root, "ActionName"), StringMember(root, "SchemaCode"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringMember(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
