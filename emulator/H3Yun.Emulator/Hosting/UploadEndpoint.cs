using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Actions;
using H3Yun.Emulator.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// Serves <c>POST /OpenApi/UploadAttachment?SchemaCode=…&amp;FilePropertyName=…&amp;BizObjectId=…[&amp;ChildSchemaCode=…]</c>
/// with a multipart body of one file (docs/protocol.md#attachments), answering the envelope with <c>ReturnData.AttachmentId</c>.
/// </summary>
internal sealed class UploadEndpoint(AttachmentActions attachments, RequestPipeline pipeline, Credentials credentials)
{
    public const string Path = "/" + OpenApiNames.UploadAttachmentPath;
    public const string ActionName = "UploadAttachment";

    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var upload = new UploadRequest(
            Text(query["SchemaCode"]),
            Text(query["FilePropertyName"]),
            Text(query["BizObjectId"]),
            Text(query["ChildSchemaCode"]));
        var (file, problem) = await ReadFileAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var summary = $"{context.Request.QueryString.Value} multipart: {file?.Describe() ?? problem}";
        await pipeline.ServeAsync(context, new IncomingRequest(Path, ActionName, upload.SchemaCode, summary, Credentials.EngineCodeOf(context.Request.Headers)), _ =>
        {
            if (!credentials.Accepts(context.Request.Headers))
            {
                return ValueTask.FromResult(Answer.Failure(Credentials.RefusalMessage));
            }

            try
            {
                return ValueTask.FromResult(Answer.Success(attachments.Upload(upload, file ?? throw new H3RequestException(problem!))));
            }
            catch (H3RequestException ex)
            {
                return ValueTask.FromResult(Answer.Refusal(ex));
            }
        }).ConfigureAwait(false);
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();

    /// <summary>The one file of the body, or why there is none; read before processing so that the log can show it.</summary>
    private static async Task<(UploadedFile? File, string? Problem)> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, $"上传附件需要 multipart/form-data / UploadAttachment needs a multipart/form-data body with one file, got Content-Type '{request.ContentType}'");
        }

        // Room for the part headers around a file of the largest size allowed; anything larger is refused as too large.
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = AttachmentActions.MaxFileBytes + (64 * 1024) }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"{AttachmentActions.TooLargeText} / the body is over the 3 MB limit ({AttachmentActions.MaxFileBytes} bytes) or not valid multipart: {ex.Message}");
        }

        if (form.Files.Count == 0)
        {
            return (null, "没有上传文件 / the multipart body has no file part; send one part with a file name");
        }

        if (form.Files.Count > 1)
        {
            return (null, $"一次只能上传一个附件 / send one file per UploadAttachment request, got {form.Files.Count}");
        }

        var part = form.Files[0];
        var content = new byte[part.Length];
        var stream = part.OpenReadStream();
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
        }

        return (new UploadedFile(part.Name, part.FileName, string.IsNullOrWhiteSpace(part.ContentType) ? "application/octet-stream" : part.ContentType, content), null);
    }
}
