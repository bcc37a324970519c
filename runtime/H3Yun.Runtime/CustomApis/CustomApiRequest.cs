using System.Text.Json.Nodes;

namespace H3Yun;

/// <summary>
/// A call of a custom API class in H3Yun's backend (自定义接口, a <c>H3.SmartForm.RestApiController</c>): its
/// <see cref="AppCode"/>, <see cref="Controller"/> (the class name) and <see cref="ActionName"/>, and the parameters
/// its <c>this.Request.GetValue&lt;T&gt;(name, default)</c> reads. It travels through <c>/OpenApi/Invoke</c> like the
/// built-in actions; send it with <see cref="H3YunClient.InvokeCustomAsync(CustomApiRequest, CancellationToken)"/>.
/// </summary>
/// <example><code>
/// var request = new CustomApiRequest("D001599BookManager", "MyApiController", "SelectUser") { Parameters = { ["UserName"] = "lmz" } };
/// var user = await client.InvokeCustomAsync(request, MyJsonContext.Default.UserInfo);
/// </code></example>
public sealed class CustomApiRequest
{
    private static readonly string[] EnvelopeMembers = ["ActionName", "Controller", "AppCode"];

    /// <summary>Creates the request.</summary>
    /// <param name="appCode">The code of the app the class lives in (the <c>appcode</c> of the designer's address).</param>
    /// <param name="controller">The class name, e.g. <c>MyApiController</c>.</param>
    /// <param name="actionName">The action its <c>OnInvoke</c> tells apart; not one of the six built-in ActionNames.</param>
    /// <exception cref="ArgumentException">A name is empty, or the ActionName is reserved by H3Yun.</exception>
    public CustomApiRequest(string appCode, string controller, string actionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(controller);
        ArgumentException.ThrowIfNullOrWhiteSpace(actionName);
        if (OpenApiActions.IsBuiltIn(actionName))
        {
            throw new ArgumentException(
                $"'{actionName}' is one of H3Yun's six built-in ActionNames, which a custom API cannot use (help.h3yun.com 1014/1640). "
                + "Give the action another name in the custom API class, or send the built-in action with OpenApiRequest.",
                nameof(actionName));
        }

        AppCode = appCode;
        Controller = controller;
        ActionName = actionName;
    }

    /// <summary>The app the class lives in.</summary>
    public string AppCode { get; }

    /// <summary>The custom API class's name.</summary>
    public string Controller { get; }

    /// <summary>The action.</summary>
    public string ActionName { get; }

    /// <summary>
    /// The parameters, sent as top-level members of the body: strings, numbers, booleans, or any JSON
    /// (<c>["Ids"] = new JsonArray("a", "b")</c>). <c>ActionName</c>, <c>Controller</c> and <c>AppCode</c> cannot be parameters.
    /// </summary>
    public IDictionary<string, JsonNode?> Parameters { get; } = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the action only reads. The client cannot know what a custom API does, so by default it treats it as a
    /// write: never retried after a failure that may have reached H3Yun, and reported with an unknown outcome. Set
    /// this for actions that change nothing, to retry them like LoadBizObject.
    /// </summary>
    public bool IsReadOnly { get; init; }

    internal void Validate()
    {
        foreach (var name in Parameters.Keys)
        {
            if (EnvelopeMembers.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"'{name}' is part of every custom API call and cannot be a parameter of '{ActionName}'.", nameof(Parameters));
            }
        }
    }
}
