using System.Collections.Generic;
using System.Text.Json;
using System.Threading;

namespace H3Yun.Emulator.Hosting;

/// <summary>Every request body in arrival order; headers are never kept, so the EngineSecret cannot leak into tests.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Add(string body)
    {
        var (actionName, schemaCode) = PeekNames(body);
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(actionName, schemaCode, body));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Best effort: a body that is not a JSON object still gets recorded, just without names.</summary>
    private static (string? ActionName, string? SchemaCode) PeekNames(string body)
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
