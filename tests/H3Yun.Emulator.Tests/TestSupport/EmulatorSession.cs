using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace H3Yun.Emulator.Tests.TestSupport;

/// <summary>
/// A running emulator plus a plain <see cref="HttpClient"/> that talks to it over loopback the way any H3Yun
/// client does: POST a JSON body to <c>/OpenApi/Invoke</c> with the EngineCode and EngineSecret headers.
/// </summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    public const string OrderForm = "D000100Order";
    public const string OrderLines = "D000100FLines";
    public const string CustomerForm = "D000100Customer";
    public const string DocumentForm = "D000100Document";
    public const string DocumentPages = "D000100FPages";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private EmulatorSession(H3YunEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public H3YunEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorSession> StartAsync(H3YunEmulatorOptions? options = null) =>
        new(await H3YunEmulator.StartAsync(options));

    /// <summary>An emulator that knows the test forms in Schemas/ (copied next to the test assembly).</summary>
    public static Task<EmulatorSession> StartWithSchemasAsync() => StartAsync(SchemaOptions());

    /// <summary>Options that load the test forms in Schemas/, for tests that change other settings too.</summary>
    public static H3YunEmulatorOptions SchemaOptions()
    {
        var options = new H3YunEmulatorOptions();
        options.SchemaFiles.Add(SchemaPath("order.h3form.json"));
        options.SchemaFiles.Add(SchemaPath("customer.h3form.json"));
        options.SchemaFiles.Add(SchemaPath("document.h3form.json"));
        return options;
    }

    public static string SchemaPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Schemas", fileName);

    /// <summary>Embeds JSON text as a JSON string, the way H3Yun expects <c>BizObject</c> and <c>Filter</c>.</summary>
    public static string Quote(string json) => JsonSerializer.Serialize(json, Readable);

    public async Task<HttpResponseMessage> PostAsync(string body, string? engineCode, string? engineSecret, string path = "OpenApi/Invoke", HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (engineCode is not null)
        {
            request.Headers.Add("EngineCode", engineCode);
        }

        if (engineSecret is not null)
        {
            request.Headers.Add("EngineSecret", engineSecret);
        }

        return await Http.SendAsync(request, completion, cancellationToken);
    }

    /// <summary>Posts with the right credentials and returns the envelope, checking what every H3Yun answer has.</summary>
    public async Task<JsonObject> InvokeAsync(string body, CancellationToken cancellationToken = default)
    {
        using var response = await PostAsync(body, Emulator.EngineCode, Emulator.EngineSecret, cancellationToken: cancellationToken);
        return await ReadEnvelopeAsync(response);
    }

    public static async Task<JsonObject> ReadEnvelopeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.False((bool)envelope["Logined"]!);
        Assert.Equal(0, (int)envelope["DataType"]!);
        return envelope;
    }

    /// <summary>Posts and asserts <c>Successful:true</c>; returns <c>ReturnData</c>.</summary>
    public async Task<JsonObject> SucceedAsync(string body)
    {
        var envelope = await InvokeAsync(body);
        Assert.True((bool)envelope["Successful"]!, $"expected success, got: {envelope["ErrorMessage"]}");
        Assert.Null(envelope["ErrorMessage"]);
        return envelope["ReturnData"]!.AsObject();
    }

    /// <summary>Posts and asserts <c>Successful:false</c>; returns <c>ErrorMessage</c>.</summary>
    public async Task<string> FailAsync(string body)
    {
        var envelope = await InvokeAsync(body);
        Assert.False((bool)envelope["Successful"]!, $"expected a refusal, got: {envelope.ToJsonString()}");
        Assert.Null(envelope["ReturnData"]);
        var message = (string?)envelope["ErrorMessage"];
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    /// <summary>CreateBizObject with the record given as plain JSON; returns the new ObjectId.</summary>
    public async Task<string> CreateAsync(string schemaCode, string bizObjectJson, bool isSubmit = true)
    {
        var returnData = await SucceedAsync($$"""
            {"ActionName":"CreateBizObject","SchemaCode":"{{schemaCode}}","BizObject":{{Quote(bizObjectJson)}},"IsSubmit":{{(isSubmit ? "true" : "false")}}}
            """);
        return (string)returnData["BizObjectId"]!;
    }

    /// <summary>LoadBizObject; returns <c>ReturnData.BizObject</c>.</summary>
    public async Task<JsonObject?> LoadAsync(string schemaCode, string objectId)
    {
        var returnData = await SucceedAsync($$"""
            {"ActionName":"LoadBizObject","SchemaCode":"{{schemaCode}}","BizObjectId":"{{objectId}}"}
            """);
        return returnData["BizObject"]?.AsObject();
    }

    /// <summary>LoadBizObjects with the filter given as plain JSON; returns the whole <c>ReturnData</c>.</summary>
    public Task<JsonObject> QueryAsync(string schemaCode, string filterJson) => SucceedAsync($$"""
        {"ActionName":"LoadBizObjects","SchemaCode":"{{schemaCode}}","Filter":{{Quote(filterJson)}}}
        """);

    /// <summary>Waits until the request with this sequence number has arrived and satisfies <paramref name="condition"/>.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(long sequence, Func<RecordedRequest, bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            foreach (var request in Emulator.Requests)
            {
                if (request.Sequence == sequence && condition(request))
                {
                    return request;
                }
            }

            await Task.Delay(10, patience.Token);
        }
    }

    /// <summary>Waits until the request with this sequence number is done (whatever the client saw) and returns its record.</summary>
    public Task<RecordedRequest> WaitUntilServedAsync(long sequence) =>
        WaitForRequestAsync(sequence, request => request.Outcome != RequestOutcome.InProgress && request.Duration is not null);

    /// <summary>UploadAttachment with one file part named <c>media</c>, the way the official helper sends it.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string query, string fileName, byte[] content, string contentType = "image/png", string partName = "media", string? engineSecret = null)
    {
        using var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(file, partName, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "OpenApi/UploadAttachment?" + query) { Content = body };
        request.Headers.Add("EngineCode", Emulator.EngineCode);
        request.Headers.Add("EngineSecret", engineSecret ?? Emulator.EngineSecret);
        return await Http.SendAsync(request);
    }

    /// <summary>Uploads and asserts success; returns the AttachmentId.</summary>
    public async Task<string> UploadOkAsync(string query, string fileName, byte[] content, string contentType = "image/png")
    {
        using var response = await UploadAsync(query, fileName, content, contentType);
        var envelope = await ReadEnvelopeAsync(response);
        Assert.True((bool)envelope["Successful"]!, $"expected success, got: {envelope["ErrorMessage"]}");
        return (string)envelope["ReturnData"]!["AttachmentId"]!;
    }

    /// <summary>Uploads and asserts <c>Successful:false</c>; returns the ErrorMessage.</summary>
    public async Task<string> UploadFailsAsync(string query, string fileName, byte[] content)
    {
        using var response = await UploadAsync(query, fileName, content);
        var envelope = await ReadEnvelopeAsync(response);
        Assert.False((bool)envelope["Successful"]!, $"expected a refusal, got: {envelope.ToJsonString()}");
        return (string)envelope["ErrorMessage"]!;
    }

    /// <summary>DownloadBizObjectFile with a form-urlencoded body and both credentials as headers, as the official C# sample does.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(string attachmentId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "Api/DownloadBizObjectFile")
        {
            Content = new FormUrlEncodedContent([new("attachmentId", attachmentId), new("EngineCode", Emulator.EngineCode)]),
        };
        request.Headers.Add("EngineCode", Emulator.EngineCode);
        request.Headers.Add("EngineSecret", Emulator.EngineSecret);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
