using H3Yun.Emulator;

namespace H3Yun.Cli.Schemas;

/// <summary>
/// The contract between <c>h3yun schema pull/diff</c> and the class <c>h3yun schema export-code</c> prints, which the
/// emulator's built-in export answers too (emulator README, "The built-in schema export"): one place for its names.
/// </summary>
internal static class ExportContract
{
    public const string Controller = CustomApiCollection.SchemaExportController;

    public const string Action = CustomApiCollection.SchemaExportAction;

    /// <summary>The forms to export, <c>;</c>-joined; empty means every form.</summary>
    public const string SchemaCodesParameter = "SchemaCodes";

    /// <summary>The member of ReturnData holding the forms, as a JSON string.</summary>
    public const string SchemasMember = "Schemas";

    /// <summary>The member of ReturnData the class also fills when it fails, in case H3Yun does not turn <c>response.Errors</c> into <c>Successful:false</c>.</summary>
    public const string ErrorMember = "Error";

    /// <summary>How a request is named in messages.</summary>
    public static string Describe(string appCode, string? schemaCode) =>
        $"{Controller}.{Action} in app {appCode}" + (schemaCode is null ? " (every form)" : $" (form {schemaCode})");
}
