using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Attachments;

/// <summary>UploadAttachment (docs/protocol.md#attachments): multipart, at most 3 MB, to a record (or child row) that exists.</summary>
public class UploadTests
{
    private const string Document = EmulatorSession.DocumentForm;
    private const string Pages = EmulatorSession.DocumentPages;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

    [Fact]
    public async Task An_upload_answers_an_AttachmentId_and_the_record_reads_the_file_in_that_field()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, """{"F0000001":"doc"}""");

        var attachmentId = await api.UploadOkAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", "新增.png", Png);

        Assert.True(Guid.TryParse(attachmentId, out _));
        var files = (await api.LoadAsync(Document, id))!["F0000002"]!.AsArray();
        var file = Assert.Single(files)!;
        Assert.Equal(attachmentId, (string?)file["ObjectId"]);
        Assert.Equal("新增.png", (string?)file["FileName"]);
        Assert.Equal("image/png", (string?)file["ContentType"]);
        Assert.Equal(Png.Length, (long)file["FileSize"]!);
        Assert.Null((await api.LoadAsync(Document, id))!["F0000003"]);
    }

    [Fact]
    public async Task Without_attachment_lists_reads_leave_the_files_out_and_downloads_still_work()
    {
        var options = EmulatorSession.SchemaOptions();
        options.ListAttachmentsInReads = false;
        await using var api = await EmulatorSession.StartAsync(options);
        const string RowId = "5a5a5a5a-1111-4111-8111-000000000002";
        var id = await api.CreateAsync(Document, $$"""{"F0000001":"doc","{{Pages}}":[{"ObjectId":"{{RowId}}","F0000011":"p1"}]}""");

        var onRecord = await api.UploadOkAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", "a.png", Png);
        await api.UploadOkAsync($"SchemaCode={Document}&ChildSchemaCode={Pages}&FilePropertyName=F0000012&BizObjectId={RowId}", "b.png", Png);

        Assert.Null((await api.LoadAsync(Document, id))!["F0000002"]);
        Assert.Null((await api.LoadAsync(Pages, RowId))!["F0000012"]);
        using var download = await api.DownloadAsync(onRecord);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_second_upload_to_a_field_adds_a_file_in_upload_order()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");
        var query = $"SchemaCode={Document}&FilePropertyName=F0000003&BizObjectId={id}";

        var first = await api.UploadOkAsync(query, "a.png", Png);
        var second = await api.UploadOkAsync(query, "b.png", Png);

        Assert.Equal([first, second], (await api.LoadAsync(Document, id))!["F0000003"]!.AsArray().Select(file => (string?)file!["ObjectId"]));
    }

    [Fact]
    public async Task Query_parameter_names_and_the_path_take_any_case_and_the_part_name_does_not_matter()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");
        using var body = new MultipartFormDataContent { { new ByteArrayContent(Png), "file_data", "x.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"openapi/uploadattachment?schemacode={Document}&filepropertyname=F0000002&bizobjectid={id}") { Content = body };
        request.Headers.Add("EngineCode", api.Emulator.EngineCode);
        request.Headers.Add("EngineSecret", api.Emulator.EngineSecret);

        using var response = await api.Http.SendAsync(request);

        Assert.True((bool)(await EmulatorSession.ReadEnvelopeAsync(response))["Successful"]!);
        Assert.Equal("application/octet-stream", (string?)(await api.LoadAsync(Document, id))!["F0000002"]![0]!["ContentType"]);
    }

    [Fact]
    public async Task A_file_of_exactly_3_MB_is_taken_and_one_byte_more_is_refused_storing_nothing()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");
        var query = $"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}";

        await api.UploadOkAsync(query, "max.bin", new byte[3 * 1024 * 1024]);
        var message = await api.UploadFailsAsync(query, "over.bin", new byte[(3 * 1024 * 1024) + 1]);

        Assert.StartsWith("附件大小不可超过3M", message, StringComparison.Ordinal);
        Assert.Single((await api.LoadAsync(Document, id))!["F0000002"]!.AsArray());
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_refused_before_it_is_read_whole()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");

        var message = await api.UploadFailsAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", "big.bin", new byte[5 * 1024 * 1024]);

        Assert.StartsWith("附件大小不可超过3M", message, StringComparison.Ordinal);
        Assert.Empty(api.Emulator.Attachments(Document, id));
    }

    [Fact]
    public async Task The_emulator_lists_uploaded_files_and_their_bytes_for_assertions()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");

        var attachmentId = await api.UploadOkAsync($"SchemaCode={Document}&FilePropertyName=F0000003&BizObjectId={id}", "a.png", Png);

        Assert.Equal([new EmulatorAttachment(attachmentId, Document, id, null, "F0000003", "a.png", "image/png", Png.Length)], api.Emulator.Attachments(Document, id));
        Assert.Equal(Png, api.Emulator.AttachmentContent(attachmentId));
        Assert.Null(api.Emulator.AttachmentContent("none"));
    }

    [Fact]
    public async Task An_upload_to_a_record_that_does_not_exist_is_refused()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.UploadFailsAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId=8861e21d-57a0-46c9-bf7d-960309163bff", "a.png", Png);

        Assert.StartsWith("业务对象不存在", message, StringComparison.Ordinal);
        Assert.Contains("8861e21d-57a0-46c9-bf7d-960309163bff", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FilePropertyName=F0000002&BizObjectId=x", "SchemaCode")]
    [InlineData("SchemaCode=D000100Document&BizObjectId=x", "FilePropertyName")]
    [InlineData("SchemaCode=D000100Document&FilePropertyName=F0000002", "BizObjectId")]
    [InlineData("SchemaCode=D000100Nope&FilePropertyName=F0000002&BizObjectId=x", "根据 SchemaCode 获取 BizObjectSchema 失败")]
    [InlineData("SchemaCode=D000100Document&FilePropertyName=F0000099&BizObjectId=x", "F0000099")]
    [InlineData("SchemaCode=D000100Document&FilePropertyName=F0000001&BizObjectId=x", "not an attachment")]
    [InlineData("SchemaCode=D000100Document&FilePropertyName=F0000012&BizObjectId=x&ChildSchemaCode=D000100FNope", "D000100FNope")]
    public async Task Wrong_query_parameters_are_refused_saying_which(string query, string expected)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.UploadFailsAsync(query, "a.png", Png);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README")]
    [InlineData("README.")]
    public async Task A_file_name_without_an_extension_is_refused(string fileName)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");

        var message = await api.UploadFailsAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", fileName, Png);

        Assert.StartsWith("文件名必须带后缀", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_letter_extension_is_an_extension()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");

        await api.UploadOkAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", "main.c", Png);

        Assert.Equal("main.c", (string?)Assert.Single((await api.LoadAsync(Document, id))!["F0000002"]!.AsArray())!["FileName"]);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_or_has_no_file_or_two_files_is_refused()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");
        var path = $"OpenApi/UploadAttachment?SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}";

        var notMultipart = await SendAsync(api, path, new StringContent("raw bytes", Encoding.UTF8, "application/octet-stream"));
        var noFile = await SendAsync(api, path, new MultipartFormDataContent { { new StringContent("x"), "field" } });
        var twoFiles = await SendAsync(api, path, new MultipartFormDataContent { { new ByteArrayContent(Png), "a", "a.png" }, { new ByteArrayContent(Png), "b", "b.png" } });

        Assert.Contains("multipart/form-data", notMultipart, StringComparison.Ordinal);
        Assert.Contains("no file part", noFile, StringComparison.Ordinal);
        Assert.Contains("one file per", twoFiles, StringComparison.Ordinal);
        Assert.Null((await api.LoadAsync(Document, id))!["F0000002"]);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_and_nothing_is_stored()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");

        using var response = await api.UploadAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", "a.png", Png, engineSecret: "wrong");
        var envelope = await EmulatorSession.ReadEnvelopeAsync(response);

        Assert.False((bool)envelope["Successful"]!);
        Assert.Contains("EngineSecret", (string?)envelope["ErrorMessage"], StringComparison.Ordinal);
        Assert.Null((await api.LoadAsync(Document, id))!["F0000002"]);
    }

    [Fact]
    public async Task The_log_summarises_the_upload_without_its_bytes()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Document, "{}");

        await api.UploadOkAsync($"SchemaCode={Document}&FilePropertyName=F0000002&BizObjectId={id}", "a.png", Png);

        var upload = api.Emulator.Requests[^1];
        Assert.Equal("UploadAttachment", upload.ActionName);
        Assert.Equal(Document, upload.SchemaCode);
        Assert.Equal("/OpenApi/UploadAttachment", upload.Path);
        Assert.Contains("file 'a.png' (image/png, 7 bytes) in part 'media'", upload.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_fields_cannot_be_written_through_BizObject_on_the_record_or_a_child_row()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var onRecord = await api.FailAsync($$"""{"ActionName":"CreateBizObject","SchemaCode":"{{Document}}","BizObject":"{\"F0000002\":\"some-id\"}"}""");
        var onRow = await api.FailAsync($$"""{"ActionName":"CreateBizObject","SchemaCode":"{{Document}}","BizObject":"{\"{{Pages}}\":[{\"F0000012\":null}]}"}""");

        Assert.Contains("F0000002", onRecord, StringComparison.Ordinal);
        Assert.Contains("UploadAttachment", onRecord, StringComparison.Ordinal);
        Assert.Contains("F0000012", onRow, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count(Document));
    }

    private static async Task<string> SendAsync(EmulatorSession api, string path, HttpContent content)
    {
        using (content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Add("EngineCode", api.Emulator.EngineCode);
            request.Headers.Add("EngineSecret", api.Emulator.EngineSecret);
            using var response = await api.Http.SendAsync(request);
            var envelope = await EmulatorSession.ReadEnvelopeAsync(response);
            Assert.False((bool)envelope["Successful"]!);
            return (string)envelope["ErrorMessage"]!;
        }
    }
}
