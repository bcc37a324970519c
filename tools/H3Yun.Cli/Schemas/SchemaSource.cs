using System.Globalization;
using System.Text.Json.Nodes;

namespace H3Yun.Cli.Schemas;

/// <summary>
/// Asks H3Yun's backend for forms through the export class, with the runtime's custom-API call (read-only, so it is
/// retried like a read). Every form of the app is one request; named forms are one request each, so that a wrong
/// code is named exactly and progress shows at H3Yun's 1-2 requests per second.
/// </summary>
internal static class SchemaSource
{
    public static async Task<IReadOnlyList<RemoteForm>> FetchAsync(H3YunClient client, string appCode, IReadOnlyList<string> schemaCodes, CliConsole console, CancellationToken cancellationToken)
    {
        if (schemaCodes.Count == 0)
        {
            await console.Error.WriteLineAsync($"Asking H3Yun for every form of app {appCode} (one request)...").ConfigureAwait(false);
            var all = await AskAsync(client, appCode, null, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"H3Yun answered {all.Count} form(s).").ConfigureAwait(false);
            return all;
        }

        var forms = new List<RemoteForm>();
        var seconds = (schemaCodes.Count - 1) / (client.Options.RequestsPerSecond ?? double.PositiveInfinity);
        if (schemaCodes.Count > 2 && seconds >= 1)
        {
            await console.Error.WriteLineAsync($"Asking H3Yun for {schemaCodes.Count} forms, one request each: about {Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture)} s at {client.Options.RequestsPerSecond?.ToString(CultureInfo.InvariantCulture)} requests/s.").ConfigureAwait(false);
        }

        for (var i = 0; i < schemaCodes.Count; i++)
        {
            var code = schemaCodes[i];
            var answer = await AskAsync(client, appCode, code, cancellationToken).ConfigureAwait(false);
            var form = answer.FirstOrDefault(f => string.Equals(f.SchemaCode, code, StringComparison.Ordinal))
                ?? throw new CliException($"H3Yun's answer to {ExportContract.Describe(appCode, code)} does not hold that form (it holds {string.Join(", ", answer.Select(f => f.SchemaCode).DefaultIfEmpty("none"))}). The class in the app's backend is not the one 'h3yun schema export-code' prints; paste it again. Nothing was written.");
            forms.Add(form);
            await console.Error.WriteLineAsync($"[{i + 1}/{schemaCodes.Count}] {code} {form.DisplayName}".TrimEnd()).ConfigureAwait(false);
        }

        return forms;
    }

    private static async Task<IReadOnlyList<RemoteForm>> AskAsync(H3YunClient client, string appCode, string? schemaCode, CancellationToken cancellationToken)
    {
        var described = ExportContract.Describe(appCode, schemaCode);
        var request = new CustomApiRequest(appCode, ExportContract.Controller, ExportContract.Action)
        {
            Parameters = { [ExportContract.SchemaCodesParameter] = JsonValue.Create(schemaCode ?? string.Empty) },
            IsReadOnly = true,
        };
        try
        {
            var returnData = await client.InvokeCustomAsync(request, cancellationToken).ConfigureAwait(false);
            return ExportAnswer.Read(returnData, described);
        }
        catch (H3YunApiException ex)
        {
            throw ExportFailures.Refused(described, ex.ErrorMessage ?? ex.Message);
        }
        catch (H3YunProtocolException ex)
        {
            throw new CliException($"H3Yun's answer to {described} is not the OpenApi's: {ex.Message} Nothing was written.", ex);
        }
        catch (H3YunException ex)
        {
            throw new CliException($"Could not reach H3Yun at {client.Options.BaseAddress} for {described}: {ex.Message}", ex);
        }
    }
}
