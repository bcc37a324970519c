using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using H3Yun.Emulator.Actions;
using H3Yun.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// Serves <c>POST /OpenApi/Invoke</c>: checks the credentials, then runs the action. Like H3Yun, every answer that
/// gets that far is HTTP 200 with the JSON envelope.
/// </summary>
internal sealed class InvokeEndpoint(InvokeDispatcher dispatcher, RequestPipeline pipeline, Credentials credentials)
{
    public const string Path = "/" + OpenApiNames.InvokePath;

    public async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var (actionName, schemaCode) = BodyNames.Peek(body);
        var engineCode = Credentials.EngineCodeOf(context.Request.Headers);
        await pipeline.ServeAsync(context, new IncomingRequest(Path, actionName, schemaCode, body, engineCode), async cancellationToken =>
        {
            if (!credentials.Accepts(context.Request.Headers))
            {
                return Answer.Failure(Credentials.RefusalMessage);
            }

            try
            {
                return Answer.Success(await dispatcher.InvokeAsync(body, cancellationToken).ConfigureAwait(false));
            }
            catch (H3RequestException ex)
            {
                return Answer.Refusal(ex);
            }
        }).ConfigureAwait(false);
    }
}
