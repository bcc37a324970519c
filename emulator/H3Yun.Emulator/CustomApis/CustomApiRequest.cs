using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Emulator;

/// <summary>
/// A call to a custom API (自定义接口) as its handler sees it: the three names that chose the handler and the
/// request's other top-level members, read the way H3Yun's <c>this.Request.GetValue&lt;string&gt;(name, default)</c> reads them.
/// </summary>
public sealed class CustomApiRequest
{
    private readonly JsonObject _body;

    internal CustomApiRequest(string appCode, string controller, string actionName, JsonObject body, H3YunEmulator emulator, Schemas.SchemaRegistry schemas)
    {
        Schemas = schemas;
        AppCode = appCode;
        Controller = controller;
        ActionName = actionName;
        _body = body;
        Emulator = emulator;
    }

    /// <summary>The request's <c>AppCode</c>.</summary>
    public string AppCode { get; }

    /// <summary>The request's <c>Controller</c>: the H3Yun-side class name.</summary>
    public string Controller { get; }

    /// <summary>The request's <c>ActionName</c>.</summary>
    public string ActionName { get; }

    /// <summary>The emulator serving the call, so a handler can read or count its records.</summary>
    public H3YunEmulator Emulator { get; }

    internal Schemas.SchemaRegistry Schemas { get; }

    /// <summary>A copy of the whole request body.</summary>
    public JsonObject Body => (JsonObject)_body.DeepClone();

    /// <summary>
    /// A top-level member as text: a string as it is, a number or boolean as its JSON text, an object or array as its
    /// JSON; <paramref name="defaultValue"/> when the member is missing or null.
    /// </summary>
    /// <param name="name">The member's name (case-sensitive, as in H3Yun).</param>
    /// <param name="defaultValue">What to answer when there is no such member.</param>
    /// <returns>The member's text, or <paramref name="defaultValue"/>.</returns>
    public string? GetValue(string name, string? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _body[name] switch
        {
            null => defaultValue,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            var other => other.ToJsonString(),
        };
    }
}

/// <summary>
/// What a custom API answers, shaped like H3Yun's <c>H3.SmartForm.RestApiResponse</c>: <see cref="ReturnData"/>
/// becomes the envelope's <c>ReturnData</c>; any entry in <see cref="Errors"/> makes the answer <c>Successful:false</c>
/// with the errors joined by "; " as the <c>ErrorMessage</c> (how H3Yun maps <c>response.Errors</c> is undocumented).
/// </summary>
public sealed class CustomApiResponse
{
    /// <summary>The members of <c>ReturnData</c>.</summary>
    public JsonObject ReturnData { get; } = [];

    /// <summary>Errors to report; none means success.</summary>
    public System.Collections.Generic.IList<string> Errors { get; } = new System.Collections.Generic.List<string>();
}

/// <summary>Handles one custom API action, as an H3Yun <c>RestApiController.OnInvoke</c> does.</summary>
/// <param name="request">The call.</param>
/// <param name="response">The answer to fill.</param>
/// <param name="cancellationToken">Signalled when the client gives up.</param>
/// <returns>A task that completes when the answer is filled.</returns>
public delegate System.Threading.Tasks.ValueTask CustomApiHandler(CustomApiRequest request, CustomApiResponse response, System.Threading.CancellationToken cancellationToken);
