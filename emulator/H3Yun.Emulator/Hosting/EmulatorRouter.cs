using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// Sends each request to its endpoint. Paths are matched case-insensitively, with or without a trailing slash,
/// as H3Yun's own clients spell them both ways (<c>/OpenApi/Invoke</c>, <c>/openapi/invoke</c>).
/// </summary>
internal sealed class EmulatorRouter(InvokeEndpoint invoke, UploadEndpoint upload, DownloadEndpoint download, WebPage.EmulatorPage page)
{
    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? string.Empty;
        if (Is(path, InvokeEndpoint.Path))
        {
            return PostOnly(context, invoke.HandleAsync);
        }

        if (Is(path, UploadEndpoint.Path))
        {
            return PostOnly(context, upload.HandleAsync);
        }

        if (Is(path, DownloadEndpoint.Path))
        {
            return PostOnly(context, download.HandleAsync);
        }

        if (page.TryHandle(context, path, out var handled))
        {
            return handled;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static bool Is(string path, string endpoint) => string.Equals(path, endpoint, StringComparison.OrdinalIgnoreCase);

    private static Task PostOnly(HttpContext context, Func<HttpContext, Task> handler)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            return handler(context);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = HttpMethods.Post;
        return Task.CompletedTask;
    }
}
