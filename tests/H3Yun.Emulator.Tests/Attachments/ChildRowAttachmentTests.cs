using System;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Attachments;

/// <summary>
/// A child row's attachments are uploaded with ChildSchemaCode and the row's ObjectId, are left out of the main
/// record's read, and are read by loading the row with the child SchemaCode (docs/protocol.md#attachments).
/// </summary>
public class ChildRowAttachmentTests
{
    private const string Document = EmulatorSession.DocumentForm;
    private const string Pages = EmulatorSession.DocumentPages;
    private const string RowId = "5a5a5a5a-1111-4111-8111-000000000001";
    private static readonly byte[] Pdf = "%PDF-1.4"u8.ToArray();

    [Fact]
    public async Task A_child_row_upload_is_read_with_the_child_SchemaCode_and_left_out_of_the_main_read()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await CreateWithRowAsync(api);

        var attachmentId = await api.UploadOkAsync($"SchemaCode={Document}&ChildSchemaCode={Pages}&FilePropertyName=F0000012&BizObjectId={RowId}", "p1.pdf", Pdf, "application/pdf");

        var mainRow = (await api.LoadAsync(Document, id))![Pages]![0]!.AsObject();
        Assert.Equal("p1", (string?)mainRow["F0000011"]);
        Assert.False(mainRow.ContainsKey("F0000012"));
        var row = (await api.LoadAsync(Pages, RowId))!;
        Assert.Equal(RowId, (string?)row["ObjectId"]);
        Assert.Equal(id, (string?)row["ParentObjectId"]);
        Assert.Equal("p1", (string?)row["F0000011"]);
        Assert.Equal(attachmentId, (string?)row["F0000012"]![0]!["ObjectId"]);
    }

    [Fact]
    public async Task With_ChildSchemaCode_the_main_records_id_is_refused_with_what_to_send_instead()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await CreateWithRowAsync(api);

        var message = await api.UploadFailsAsync($"SchemaCode={Document}&ChildSchemaCode={Pages}&FilePropertyName=F0000012&BizObjectId={id}", "p.pdf", Pdf);

        Assert.Contains("must be the ObjectId of a row", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_that_does_not_exist_is_refused()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        await CreateWithRowAsync(api);

        var message = await api.UploadFailsAsync($"SchemaCode={Document}&ChildSchemaCode={Pages}&FilePropertyName=F0000012&BizObjectId=5a5a5a5a-1111-4111-8111-0000000000ff", "p.pdf", Pdf);

        Assert.StartsWith("业务对象不存在", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_a_row_that_does_not_exist_with_the_child_SchemaCode_answers_like_any_missing_record()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        Assert.Null(await api.LoadAsync(Pages, RowId));
    }

    [Fact]
    public async Task With_NotFoundError_a_missing_row_is_refused_naming_its_child_table_and_form()
    {
        var options = EmulatorSession.SchemaOptions();
        options.MissingRecord = MissingRecordAnswer.NotFoundError;
        await using var api = await EmulatorSession.StartAsync(options);

        var message = await api.FailAsync($$"""{"ActionName":"LoadBizObject","SchemaCode":"{{Pages}}","BizObjectId":"{{RowId}}"}""");

        Assert.StartsWith($"业务对象不存在 / record not found: {RowId} in child table {Pages} ({Document}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_to_a_child_table_the_form_lacks_is_refused_naming_both()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        await CreateWithRowAsync(api);

        var message = await api.UploadFailsAsync($"SchemaCode={Document}&ChildSchemaCode=D000100FNope&FilePropertyName=F0000012&BizObjectId={RowId}", "p.pdf", Pdf);

        Assert.Contains("has no child table 'D000100FNope'", message, StringComparison.Ordinal);
        Assert.Contains(Document, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_to_a_child_field_that_is_not_an_attachment_names_the_child_table()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        await CreateWithRowAsync(api);

        var unknown = await api.UploadFailsAsync($"SchemaCode={Document}&ChildSchemaCode={Pages}&FilePropertyName=F0000099&BizObjectId={RowId}", "p.pdf", Pdf);
        var text = await api.UploadFailsAsync($"SchemaCode={Document}&ChildSchemaCode={Pages}&FilePropertyName=F0000011&BizObjectId={RowId}", "p.pdf", Pdf);

        Assert.Contains($"child table {Pages} has no field code 'F0000099'", unknown, StringComparison.Ordinal);
        Assert.Contains($"field F0000011 of child table {Pages} is a ShortString field", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_LoadBizObject_takes_a_child_SchemaCode()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.FailAsync($$"""{"ActionName":"LoadBizObjects","SchemaCode":"{{Pages}}","Filter":"{}"}""");

        Assert.Contains("child table", message, StringComparison.Ordinal);
        Assert.Contains(Document, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_schemas_a_child_row_upload_and_read_work_the_same()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", $$"""{"D000024Fdetail":[{"ObjectId":"{{RowId}}","zh":"1"}]}""");

        var attachmentId = await api.UploadOkAsync($"SchemaCode=FormA&ChildSchemaCode=D000024Fdetail&FilePropertyName=F0000009&BizObjectId={RowId}", "r.pdf", Pdf);

        var row = (await api.LoadAsync("D000024Fdetail", RowId))!;
        Assert.Equal(id, (string?)row["ParentObjectId"]);
        Assert.Equal("1", (string?)row["zh"]);
        Assert.Equal(attachmentId, (string?)row["F0000009"]![0]!["ObjectId"]);
        Assert.False((await api.LoadAsync("FormA", id))!["D000024Fdetail"]![0]!.AsObject().ContainsKey("F0000009"));
    }

    private static Task<string> CreateWithRowAsync(EmulatorSession api) =>
        api.CreateAsync(Document, $$"""{"F0000001":"doc","{{Pages}}":[{"ObjectId":"{{RowId}}","F0000011":"p1"}]}""");
}
