using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Schemas;

namespace H3Yun.Emulator.CustomApis;

/// <summary>
/// Finds the handler of a custom API call by AppCode, then Controller, then ActionName, and refuses each miss with
/// its own message, the way an H3Yun app without that class or action would leave the caller guessing otherwise.
/// </summary>
internal sealed class CustomApiDispatcher
{
    private readonly IReadOnlyList<CustomApiRegistration> _registrations;
    private readonly SchemaRegistry _schemas;

    public CustomApiDispatcher(IEnumerable<CustomApiRegistration> registrations, IEnumerable<string> appCodes, SchemaRegistry schemas)
    {
        _registrations = [.. registrations];
        _schemas = schemas;
        var hosted = appCodes.Concat(_registrations.Select(registration => registration.AppCode).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        AppCodes = hosted.Count == 0 ? [H3YunEmulatorOptions.DefaultAppCode] : hosted;
    }

    /// <summary>The apps this emulator hosts.</summary>
    public IReadOnlyList<string> AppCodes { get; }

    /// <summary>The emulator handlers are told they run in; set once it exists.</summary>
    public H3YunEmulator? Owner { get; set; }

    public IReadOnlyList<CustomApiRegistration> Registrations => _registrations;

    public async ValueTask<JsonNode?> InvokeAsync(JsonObject body, string actionName, CancellationToken cancellationToken)
    {
        var controller = Text(body, "Controller");
        var appCode = Text(body, "AppCode");
        if (controller is null || appCode is null)
        {
            throw new H3RequestException($"缺少参数 {(appCode is null ? "AppCode" : "Controller")} / '{actionName}' is not one of the six public ActionNames, so it calls a custom API, which needs Controller (the class name) and AppCode");
        }

        if (!AppCodes.Contains(appCode, StringComparer.Ordinal))
        {
            throw new H3RequestException($"应用不存在: {appCode} / unknown AppCode '{appCode}'; this emulator hosts {string.Join(", ", AppCodes)} (H3YunEmulatorOptions.AppCodes, --app-code)");
        }

        var inApp = _registrations.Where(registration => registration.AppCode is null || registration.AppCode == appCode).ToList();
        var ofController = inApp.Where(registration => registration.Controller == controller).ToList();
        if (ofController.Count == 0)
        {
            var known = inApp.Select(registration => registration.Controller).Distinct(StringComparer.Ordinal).ToList();
            throw new H3RequestException($"自定义接口控制器不存在: {controller} / app '{appCode}' has no custom API class '{controller}'; {(known.Count == 0 ? "it has none" : "it has " + string.Join(", ", known))}");
        }

        // An app-specific registration wins over one for every app.
        var registration = ofController.Where(candidate => candidate.ActionName == actionName).OrderBy(candidate => candidate.AppCode is null).FirstOrDefault()
            ?? throw new H3RequestException($"未知的 ActionName: {actionName} / custom API class '{controller}' has no action '{actionName}'; it answers {string.Join(", ", ofController.Select(candidate => candidate.ActionName).Distinct(StringComparer.Ordinal))}");

        var owner = Owner ?? throw new InvalidOperationException("The emulator serves custom APIs only once it has started.");
        var request = new CustomApiRequest(appCode, controller, actionName, (JsonObject)body.DeepClone(), owner, _schemas);
        var response = new CustomApiResponse();
        try
        {
            await registration.Handler(request, response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new H3RequestException($"自定义接口执行出错 / the custom API {controller}.{actionName} threw {ex.GetType().Name}: {ex.Message}", ex);
        }

        if (response.Errors.Count > 0)
        {
            throw new H3RequestException(string.Join("; ", response.Errors));
        }

        return response.ReturnData.DeepClone();
    }

    private static string? Text(JsonObject body, string name) =>
        LenientJson.ReadString(body[name], name)?.Trim() is { Length: > 0 } text ? text : null;
}
