namespace H3Yun.Cli.Schemas;

/// <summary>
/// Turns a refusal of the export into a message that says what to do. H3Yun's own texts are undocumented for most
/// of these, so each hint is chosen by words the known texts carry (the emulator's are modelled on H3Yun's), and
/// the text itself is always shown.
/// </summary>
internal static class ExportFailures
{
    public static CliException Refused(string request, string message)
    {
        var hint = message switch
        {
            _ when Has(message, "EngineCode", "EngineSecret", "密钥", "授权") =>
                "Check the credentials: H3YUN_ENGINE_CODE or --engine-code, and H3YUN_ENGINE_SECRET or the user secret H3Yun:EngineSecret (头像 → 系统管理 → 系统集成).",
            _ when Has(message, "应用不存在", "AppCode") =>
                "Check --app: it is the appcode= of the form designer's address, of the app whose backend holds the export class.",
            _ when Has(message, "控制器", "Controller", "ActionName") =>
                $"The app's backend has no {ExportContract.Controller} with the action {ExportContract.Action}: paste the class 'h3yun schema export-code' prints into a form's backend code (后端代码) of that app, and save.",
            _ when Has(message, "SchemaCode", "BizObjectSchema") =>
                "A form code is wrong: check each --form (the id= of the form designer's address), or leave --form out for every form of the app.",
            _ => "See H3Yun's message above.",
        };
        return new CliException($"H3Yun refused {request}: {message}{Environment.NewLine}{hint}");
    }

    private static bool Has(string message, params string[] words) =>
        words.Any(word => message.Contains(word, StringComparison.OrdinalIgnoreCase));
}
