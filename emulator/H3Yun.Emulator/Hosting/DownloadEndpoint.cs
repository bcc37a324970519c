using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using H3Yun.Emulator.Actions;
using H3Yun.Emulator.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// Serves <c>POST /Api/DownloadBizObjectFile</c> (docs/protocol.md#attachments): <c>attachmentId</c> and <c>EngineCode</c> as a
/// form-urlencoded body (the official C# sample) or as JSON (the official Java demo); the answer is the file's bytes
/// with its type and a URL-encoded file name in <c>Content-Disposition</c>.
/// </summary>
internal sealed class DownloadEndpoint(AttachmentActions attachments, RequestPipeline pipeline, Credentials credentials)
{
    public const string Path = "/" + OpenApiNames.DownloadBizObjectFilePath;
    public const string ActionName = "DownloadBizObjectFile";

    private const int MaxBodyChars = 64 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            var buffer = new char[MaxBodyChars];
            var read = await reader.ReadBlockAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = new string(buffer, 0, read);
        }

        var (attachmentId, bodyEngineCode) = Parse(context.Request.ContentType, body);
        var headerEngineCode = Credentials.EngineCodeOf(context.Request.Headers);
        var engineCode = string.IsNullOrEmpty(headerEngineCode) ? bodyEngineCode : headerEngineCode;
        await pipeline.ServeAsync(context, new IncomingRequest(Path, ActionName, null, body, engineCode), _ =>
        {
            // The official sample sends EngineCode in the body and both credentials as headers; either code will do.
            if (!credentials.Accepts(engineCode, context.Request.Headers[OpenApiNames.EngineSecretHeader].ToString()))
            {
                return ValueTask.FromResult(Answer.Failure(Credentials.RefusalMessage));
            }

            try
            {
                var (attachment, content) = attachments.Download(attachmentId);
                return ValueTask.FromResult(new Answer(200, attachment.ContentType, content, RequestOutcome.Succeeded, $"file '{attachment.FileName}' ({attachment.ContentType}, {content.Length} bytes)")
                {
                    Headers = [new("Content-Disposition", "attachment;filename=" + Uri.EscapeDataString(attachment.FileName))],
                });
            }
            catch (H3RequestException ex)
            {
                return ValueTask.FromResult(Answer.Refusal(ex));
            }
        }).ConfigureAwait(false);
    }

    /// <summary>JSON when it says so or looks so, else form-urlencoded; member names in any case.</summary>
    private static (string? AttachmentId, string? EngineCode) Parse(string? contentType, string body)
    {
        var trimmed = body.TrimStart();
        if ((contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false) || trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    ? (Member(document.RootElement, "attachmentId"), Member(document.RootElement, "EngineCode"))
                    : (null, null);
            }
            catch (JsonException)
            {
                return (null, null);
            }
        }

        var form = QueryHelpers.ParseQuery(body);
        string? Field(string name)
        {
            foreach (var (key, value) in form)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value.ToString();
                }
            }

            return null;
        }

        return (Field("attachmentId"), Field("EngineCode"));
    }

    private static string? Member(JsonElement root, string name)
    {
        foreach (var member in root.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase) && member.Value.ValueKind == JsonValueKind.String)
            {
                return member.Value.GetString();
            }
        }

        return null;
    }
}
