using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace H3Yun.Emulator.Protocol;

/// <summary>The body of one <c>POST /OpenApi/Invoke</c>, with the members each action reads.</summary>
internal sealed class InvokeRequest
{
    private readonly JsonObject _body;

    private InvokeRequest(JsonObject body) => _body = body;

    /// <summary>The body as parsed; custom APIs read their parameters from it.</summary>
    public JsonObject Body => _body;

    public string? ActionName => LenientJson.ReadString(_body[nameof(ActionName)], nameof(ActionName));

    public static InvokeRequest Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new H3RequestException("请求体为空 / the request body is empty; send a JSON object with ActionName and SchemaCode");
        }

        return new InvokeRequest(LenientJson.ParseObject(body, "request body"));
    }

    public string RequireSchemaCode() => RequireText("SchemaCode");

    public string RequireBizObjectId() => RequireText("BizObjectId");

    public JsonObject RequireBizObject() =>
        LenientJson.ReadEmbeddedObject(_body["BizObject"], "BizObject")
        ?? throw Missing("BizObject");

    public IReadOnlyList<JsonObject> RequireBizObjectArray()
    {
        var array = LenientJson.ReadEmbeddedArray(_body["BizObjectArray"], "BizObjectArray") ?? throw Missing("BizObjectArray");
        var items = new List<JsonObject>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var what = $"BizObjectArray[{i}]";
            items.Add(LenientJson.ReadEmbeddedObject(array[i], what) ?? throw Missing(what));
        }

        return items;
    }

    /// <summary>H3Yun's Java demo documents false as the default when IsSubmit is left out.</summary>
    public bool IsSubmit => LenientJson.ReadBool(_body[nameof(IsSubmit)], nameof(IsSubmit)) ?? false;

    public JsonObject? Filter => LenientJson.ReadEmbeddedObject(_body[nameof(Filter)], nameof(Filter));

    private string RequireText(string memberName)
    {
        var text = LenientJson.ReadString(_body[memberName], memberName);
        return string.IsNullOrWhiteSpace(text) ? throw Missing(memberName) : text.Trim();
    }

    private static H3RequestException Missing(string memberName) =>
        new($"缺少参数 {memberName} / missing {memberName}");
}
