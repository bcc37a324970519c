using System.Security.Cryptography;
using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>Uploads to a record's or a row's attachment field and downloads as a stream, against the emulator over HTTP.</summary>
public class AttachmentTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly AllTypesRepository _records = new(fixture.Client);

    public Task InitializeAsync()
    {
        fixture.Emulator.Clear();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_file_uploaded_to_a_record_reads_back_in_its_field_and_downloads_with_its_name()
    {
        var record = new AllTypes { ShortText = "附件" };
        await _records.CreateAsync(record);
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        var id = await _records.Attachments.UploadAsync(record, AllTypes.Where.Files, new MemoryStream(bytes), "报价单 2026.pdf");
        var loaded = await _records.LoadAsync(record.ObjectId!);
        await using var download = await _records.Attachments.DownloadAsync(loaded!.Files.Single());
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        Assert.Equal(id, loaded.Files.Single().ObjectId);
        Assert.Equal("报价单 2026.pdf", loaded.Files.Single().FileName);
        Assert.Equal("报价单 2026.pdf", download.FileName);
        Assert.Equal("application/pdf", download.ContentType);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task A_file_uploaded_to_a_row_goes_to_that_row()
    {
        var record = new AllTypes();
        record.Rows.Add(new AllTypes.Row { Item = "螺丝" });
        await _records.CreateAsync(record);
        var row = (await _records.LoadAsync(record.ObjectId!))!.Rows.Single();

        var id = await _records.Attachments.UploadAsync(row, AllTypes.Row.Fields.Photo, new MemoryStream([1, 2, 3]), "螺丝.png");

        var stored = Assert.Single(fixture.Emulator.Attachments(AllTypes.SchemaCode, row.ObjectId!));
        Assert.Equal((id, "image/png", AllTypes.Row.Fields.Photo), (stored.AttachmentId, stored.ContentType, stored.FilePropertyName));
        Assert.Equal(AllTypes.Row.SchemaCode, row.ChildSchemaCode);
    }

    [Fact]
    public async Task A_file_of_exactly_3_MB_is_sent_and_one_byte_more_is_refused_before_sending()
    {
        var record = new AllTypes();
        await _records.CreateAsync(record);
        var before = fixture.Emulator.Requests.Count;

        await _records.Attachments.UploadAsync(record, AllTypes.Where.Photos, new MemoryStream(new byte[3 * 1024 * 1024]), "exact.jpg");
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _records.Attachments.UploadAsync(record, AllTypes.Where.Photos, new NonSeekable(new byte[(3 * 1024 * 1024) + 1]), "over.jpg"));

        Assert.Contains("3 MB", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, fixture.Emulator.Requests.Count);
    }

    [Theory]
    [InlineData("noextension")]
    [InlineData("dot.")]
    public async Task A_file_name_without_an_extension_is_refused_before_sending(string fileName)
    {
        var record = new AllTypes();
        await _records.CreateAsync(record);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _records.Attachments.UploadAsync(record, AllTypes.Where.Files, new MemoryStream([1]), fileName));

        Assert.Contains("extension", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_that_was_never_created_cannot_take_a_file()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _records.Attachments.UploadAsync(new AllTypes(), AllTypes.Where.Files, new MemoryStream([1]), "a.txt"));

        Assert.Contains("create it first", error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task An_upload_is_a_write_and_is_not_sent_again_after_a_failure_that_may_have_reached_H3Yun()
    {
        var record = new AllTypes();
        await _records.CreateAsync(record);
        fixture.Emulator.Faults.Enqueue(EmulatorFault.ApplyThenHttpStatus(502), OpenApiActions.UploadAttachment);

        var error = await Assert.ThrowsAsync<H3YunTransportException>(() =>
            _records.Attachments.UploadAsync(record, AllTypes.Where.Files, new MemoryStream([1, 2]), "a.txt"));

        Assert.Equal(WriteOutcome.Unknown, error.Outcome);
        Assert.Single(fixture.Emulator.Attachments(AllTypes.SchemaCode, record.ObjectId!));
    }

    [Fact]
    public async Task A_download_is_a_read_and_survives_a_passing_server_error()
    {
        var record = new AllTypes();
        await _records.CreateAsync(record);
        var id = await _records.Attachments.UploadAsync(record, AllTypes.Where.Files, new MemoryStream([7, 8, 9]), "a.bin");
        fixture.Emulator.Faults.Enqueue(EmulatorFault.HttpStatus(503), OpenApiActions.DownloadBizObjectFile);

        await using var download = await fixture.Client.DownloadAttachmentAsync(id);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        Assert.Equal([7, 8, 9], copy.ToArray());
    }

    [Fact]
    public async Task An_unknown_attachment_is_an_api_exception()
    {
        var error = await Assert.ThrowsAsync<H3YunApiException>(() => fixture.Client.DownloadAttachmentAsync("00000000-0000-4000-8000-00000000dead"));

        Assert.Equal(OpenApiActions.DownloadBizObjectFile, error.ActionName);
        Assert.Contains("附件不存在", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("报价单.pdf", "application/pdf")]
    [InlineData("a.PNG", "image/png")]
    [InlineData("a.jpg", "image/jpeg")]
    [InlineData("a.jpeg", "image/jpeg")]
    [InlineData("a.gif", "image/gif")]
    [InlineData("a.bmp", "image/bmp")]
    [InlineData("a.webp", "image/webp")]
    [InlineData("a.svg", "image/svg+xml")]
    [InlineData("a.txt", "text/plain")]
    [InlineData("a.csv", "text/csv")]
    [InlineData("a.json", "application/json")]
    [InlineData("a.xml", "application/xml")]
    [InlineData("a.zip", "application/zip")]
    [InlineData("a.rar", "application/vnd.rar")]
    [InlineData("a.7z", "application/x-7z-compressed")]
    [InlineData("a.doc", "application/msword")]
    [InlineData("a.xls", "application/vnd.ms-excel")]
    [InlineData("a.ppt", "application/vnd.ms-powerpoint")]
    [InlineData("a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("a.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("a.mp4", "video/mp4")]
    [InlineData("a.mp3", "audio/mpeg")]
    [InlineData("a.unknown", "application/octet-stream")]
    public async Task An_upload_that_names_no_type_sends_the_type_of_its_extension(string fileName, string contentType)
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"AttachmentId":"att-1"}""");
        using var client = h3yun.CreateClient();

        await client.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = Book.SchemaCode, FieldCode = "F0000009", ObjectId = "b-1", Content = new MemoryStream([1]), FileName = fileName });

        Assert.Contains($"Content-Type: {contentType}", h3yun.Calls.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_answered_with_ReturnData_that_is_not_an_object_says_so()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""["att-1"]""");
        using var client = h3yun.CreateClient();

        var error = await Assert.ThrowsAsync<H3YunProtocolException>(() => client.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = Book.SchemaCode, FieldCode = "F0000009", ObjectId = "b-1", Content = new MemoryStream([1]), FileName = "a.pdf" }));

        Assert.Equal("ReturnData should be an object but is a Array.", error.Problem);
    }

    [Fact]
    public async Task A_download_answered_with_a_successful_envelope_instead_of_the_file_is_a_protocol_exception()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"AttachmentId":"att-1"}""");
        using var client = h3yun.CreateClient();

        var error = await Assert.ThrowsAsync<H3YunProtocolException>(() => client.DownloadAttachmentAsync("att-1"));

        Assert.Equal(OpenApiActions.DownloadBizObjectFile, error.ActionName);
        Assert.Contains("JSON envelope instead of the file", error.Message, StringComparison.Ordinal);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task The_upload_is_the_multipart_body_of_H3Yuns_own_helper()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"AttachmentId":"att-1"}""");
        using var client = h3yun.CreateClient();

        var id = await client.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = "D1", FieldCode = "F0000002", ObjectId = "rec-1", Content = new MemoryStream("hello"u8.ToArray()), FileName = "新增.png", ChildSchemaCode = "D1Fchild" });

        var call = h3yun.Calls.Single();
        Assert.Equal("att-1", id);
        Assert.Equal("/OpenApi/UploadAttachment?SchemaCode=D1&FilePropertyName=F0000002&BizObjectId=rec-1&ChildSchemaCode=D1Fchild", call.Uri.PathAndQuery);
        Assert.StartsWith("multipart/form-data", call.ContentType, StringComparison.Ordinal);
        Assert.Contains("name=\"media\"; filename=\"新增.png\"", call.Body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/png", call.Body, StringComparison.Ordinal);
        Assert.Contains("hello", call.Body, StringComparison.Ordinal);
        Assert.Equal(FakeH3Yun.EngineSecret, call.EngineSecret);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
