using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Attachments;

/// <summary>H3Yun's published attachment samples (the official Java demo and C# samples, docs/protocol.md#attachments), sent the way they send them.</summary>
public class ReferenceSampleTests
{
    private const string SchemaCode = "D0015994821985e8b434394bc0737ffb22a0584";
    private static readonly byte[] Content = "file body"u8.ToArray();

    [Fact]
    public async Task The_Java_demos_upload_and_download_work_as_written()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { EngineCode = "xxx" });
        // The Java demo: CreateBizObject with IsSubmit as the string "false", as the Java demo sends it.
        var created = await api.SucceedAsync($$"""{"ActionName":"CreateBizObject","SchemaCode":"{{SchemaCode}}","BizObject":"{\"F0000001\":\"添加数据测试\",\"F0000002\":\"ctes\"}","IsSubmit":"false"}""");
        var id = (string)created["BizObjectId"]!;

        // The upload URL of the Java demo, its part name file_data and application/octet-stream.
        using var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(Content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "file_data", "新增.png");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"OpenApi/UploadAttachment?SchemaCode={SchemaCode}&FilePropertyName=F0000005&BizObjectId={id}") { Content = body };
        upload.Headers.Add("EngineCode", "xxx");
        upload.Headers.Add("EngineSecret", api.Emulator.EngineSecret);
        using var uploaded = await api.Http.SendAsync(upload);
        var attachmentId = (string)(await EmulatorSession.ReadEnvelopeAsync(uploaded))["ReturnData"]!["AttachmentId"]!;

        // The download body of the Java demo, key order from a HashMap, JSON with charset.
        using var download = new HttpRequestMessage(HttpMethod.Post, "Api/DownloadBizObjectFile")
        {
            Content = new StringContent($$"""{"attachmentId":"{{attachmentId}}","EngineCode":"xxx"}""", Encoding.UTF8, "application/json"),
        };
        download.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json;charset=utf-8");
        download.Headers.Add("EngineSecret", api.Emulator.EngineSecret);
        using var downloaded = await api.Http.SendAsync(download);

        Assert.Equal(Content, await downloaded.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", downloaded.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (int)api.Emulator.Find(SchemaCode, id)!["Status"]!);
    }

    [Fact]
    public async Task The_official_CSharp_download_sample_with_an_empty_EngineCode_field_and_credentials_as_content_headers_works()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync(SchemaCode, """{"F0000001":"x"}""");
        var attachmentId = await api.UploadOkAsync($"SchemaCode={SchemaCode}&FilePropertyName=F0000011&BizObjectId={id}", "新增.png", Content, "image/png");

        // The official C# download sample: keyValues.Add("attachmentId", fileId); keyValues.Add("EngineCode", ""); content.Headers.Add("EngineCode", …); content.Headers.Add("EngineSecret", …)
        using var content = new FormUrlEncodedContent([new("attachmentId", attachmentId), new("EngineCode", string.Empty)]);
        content.Headers.Add("EngineCode", api.Emulator.EngineCode);
        content.Headers.Add("EngineSecret", api.Emulator.EngineSecret);
        using var response = await api.Http.PostAsync("Api/DownloadBizObjectFile", content);

        Assert.Equal(Content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("新增.png", Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.FileName!));
    }
}
