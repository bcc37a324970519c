using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Attachments;

/// <summary>DownloadBizObjectFile (docs/protocol.md#attachments): form-urlencoded or JSON bodies, raw bytes, a URL-encoded file name.</summary>
public class DownloadTests
{
    private const string Document = EmulatorSession.DocumentForm;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 9, 8, 7];

    [Fact]
    public async Task A_form_urlencoded_download_answers_the_bytes_the_type_and_a_URL_encoded_file_name()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var attachmentId = await UploadAsync(api, "新增 图.png");

        using var response = await api.DownloadAsync(attachmentId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("%E6%96%B0%E5%A2%9E%20%E5%9B%BE.png", disposition.FileName);
        Assert.Equal("新增 图.png", WebUtility.UrlDecode(disposition.FileName));
    }

    [Fact]
    public async Task A_JSON_download_body_with_EngineCode_only_in_the_body_is_served_as_the_Java_demo_sends_it()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var attachmentId = await UploadAsync(api, "a.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "Api/DownloadBizObjectFile")
        {
            Content = new StringContent($$"""{"attachmentId":"{{attachmentId}}","EngineCode":"{{api.Emulator.EngineCode}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("EngineSecret", api.Emulator.EngineSecret);

        using var response = await api.Http.SendAsync(request);

        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_attachment_answers_Successful_false_as_JSON()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        using var response = await api.DownloadAsync("9ed357b1-a01a-460b-b0dd-8d9cb789e296");
        var envelope = await EmulatorSession.ReadEnvelopeAsync(response);

        Assert.False((bool)envelope["Successful"]!);
        Assert.StartsWith("附件不存在", (string?)envelope["ErrorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_without_the_secret_or_the_id_is_refused()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var attachmentId = await UploadAsync(api, "a.png");

        using var noSecret = await api.Http.PostAsync("Api/DownloadBizObjectFile", new FormUrlEncodedContent([new("attachmentId", attachmentId), new("EngineCode", api.Emulator.EngineCode)]));
        using var noId = await api.DownloadAsync(" ");

        Assert.Contains("EngineSecret", (string?)(await EmulatorSession.ReadEnvelopeAsync(noSecret))["ErrorMessage"], StringComparison.Ordinal);
        Assert.Contains("attachmentId", (string?)(await EmulatorSession.ReadEnvelopeAsync(noId))["ErrorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_record_removes_its_attachments()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");
        var attachmentId = await api.UploadOkAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", "a.png", Png);

        await api.SucceedAsync($$"""{"ActionName":"RemoveBizObject","SchemaCode":"{{Document}}","BizObjectId":"{{id}}"}""");
        using var response = await api.DownloadAsync(attachmentId);

        Assert.False((bool)(await EmulatorSession.ReadEnvelopeAsync(response))["Successful"]!);
    }

    [Fact]
    public async Task Attachments_survive_a_restart_and_a_seed_round_trip()
    {
        using var folder = new TempFolder();
        var options = EmulatorSession.SchemaOptions();
        options.DataFile = folder.File("data.db");
        string attachmentId;
        byte[] seed;
        await using (var first = await EmulatorSession.StartAsync(options))
        {
            attachmentId = await UploadAsync(first, "kept.png");
        }

        await using (var second = await EmulatorSession.StartAsync(options))
        {
            using var response = await second.DownloadAsync(attachmentId);
            Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
            using var export = new MemoryStream();
            await second.Emulator.ExportAsync(export);
            seed = export.ToArray();
        }

        await using var fresh = await EmulatorSession.StartWithSchemasAsync();
        await fresh.Emulator.ImportAsync(new MemoryStream(seed));
        using var fromSeed = await fresh.DownloadAsync(attachmentId);
        Assert.Equal(Png, await fromSeed.Content.ReadAsByteArrayAsync());
        Assert.Contains("kept.png", string.Join(",", fromSeed.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
    }

    private static async Task<string> UploadAsync(EmulatorSession api, string fileName)
    {
        var id = await api.CreateAsync(Document, "{}");
        return await api.UploadOkAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", fileName, Png);
    }
}
