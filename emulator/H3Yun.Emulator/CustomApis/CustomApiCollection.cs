using System;
using System.Collections;
using System.Collections.Generic;

namespace H3Yun.Emulator;

/// <summary>
/// The custom APIs (自定义接口) an emulator answers, each found by <c>AppCode</c> + <c>Controller</c> +
/// <c>ActionName</c> (all case-sensitive). A registration without an AppCode answers in every app the emulator hosts.
/// </summary>
public sealed class CustomApiCollection : IEnumerable<CustomApiRegistration>
{
    /// <summary>The Controller of the built-in schema export.</summary>
    public const string SchemaExportController = "H3YunSchemaExportController";

    /// <summary>The ActionName of the built-in schema export.</summary>
    public const string SchemaExportAction = "ExportSchemas";

    /// <summary>The name <c>--custom-api</c> takes for the built-in schema export.</summary>
    public const string SchemaExportName = "schema-export";

    private readonly List<CustomApiRegistration> _registrations = [];

    /// <summary>The number of registrations.</summary>
    public int Count => _registrations.Count;

    /// <summary>Registers a handler.</summary>
    /// <param name="controller">The <c>Controller</c> (the H3Yun-side class name).</param>
    /// <param name="actionName">The <c>ActionName</c>; not one of the six public ones (H3Yun forbids that).</param>
    /// <param name="handler">What answers the call.</param>
    /// <param name="appCode">The only app it answers in, which the emulator then hosts; <see langword="null"/> for every hosted app.</param>
    /// <exception cref="ArgumentException">A name is empty, the ActionName is a public one, or the triple is registered already.</exception>
    public void Add(string controller, string actionName, CustomApiHandler handler, string? appCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(controller);
        ArgumentException.ThrowIfNullOrWhiteSpace(actionName);
        ArgumentNullException.ThrowIfNull(handler);
        if (appCode is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(appCode);
        }

        if (OpenApiNames.IsBuiltIn(actionName))
        {
            throw new ArgumentException($"'{actionName}' is one of H3Yun's public ActionNames; a custom API must use another name.", nameof(actionName));
        }

        if (_registrations.Exists(existing => existing.Controller == controller && existing.ActionName == actionName && existing.AppCode == appCode))
        {
            throw new ArgumentException($"A custom API {controller}.{actionName} is registered already for {(appCode is null ? "every app" : $"app {appCode}")}.", nameof(actionName));
        }

        _registrations.Add(new CustomApiRegistration(appCode, controller, actionName, handler));
    }

    /// <summary>
    /// Registers the built-in schema export (<see cref="SchemaExportController"/>.<see cref="SchemaExportAction"/>),
    /// which answers the emulator's schema files in the project's format; see the emulator README for the contract.
    /// </summary>
    /// <param name="appCode">The only app it answers in; <see langword="null"/> for every hosted app.</param>
    public void AddSchemaExport(string? appCode = null) => Add(SchemaExportController, SchemaExportAction, SchemaExport.HandleAsync, appCode);

    /// <summary>Registers a built-in custom API by the name <c>--custom-api</c> takes.</summary>
    /// <param name="name">The built-in's name: <c>schema-export</c>.</param>
    /// <param name="appCode">The only app it answers in; <see langword="null"/> for every hosted app.</param>
    /// <exception cref="ArgumentException">No built-in has that name.</exception>
    public void AddBuiltIn(string name, string? appCode = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!string.Equals(name, SchemaExportName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unknown built-in custom API '{name}'; the built-ins are: {SchemaExportName}.", nameof(name));
        }

        AddSchemaExport(appCode);
    }

    /// <inheritdoc/>
    public IEnumerator<CustomApiRegistration> GetEnumerator() => _registrations.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static bool IsReserved(string actionName) => OpenApiNames.IsBuiltIn(actionName);
}

/// <summary>One registered custom API.</summary>
/// <param name="AppCode">The only app it answers in, or <see langword="null"/> for every hosted app.</param>
/// <param name="Controller">The <c>Controller</c>.</param>
/// <param name="ActionName">The <c>ActionName</c>.</param>
/// <param name="Handler">What answers the call.</param>
public sealed record CustomApiRegistration(string? AppCode, string Controller, string ActionName, CustomApiHandler Handler);
