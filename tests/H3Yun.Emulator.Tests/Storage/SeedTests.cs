using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Storage;

/// <summary>Seed files: export a store as JSON and import it again, from code, at start, or from a data file.</summary>
public class SeedTests
{
    private const string Order = EmulatorSession.OrderForm;

    [Fact]
    public async Task An_export_imports_into_another_emulator_as_it_was()
    {
        await using var source = await EmulatorSession.StartWithSchemasAsync();
        var first = await source.CreateAsync(Order, """{"F0000001":"一","F0000003":"2026-01-02 03:04:05","D000100FLines":[{"F0000011":"row"}]}""");
        var second = await source.CreateAsync(EmulatorSession.CustomerForm, """{"F0000001":"客户"}""", isSubmit: false);
        var seed = await ExportAsync(source.Emulator);

        await using var target = await EmulatorSession.StartWithSchemasAsync();
        await target.Emulator.ImportAsync(new MemoryStream(seed));

        Assert.Equal(source.Emulator.Find(Order, first)!.ToJsonString(), target.Emulator.Find(Order, first)!.ToJsonString());
        Assert.Equal(source.Emulator.Find(EmulatorSession.CustomerForm, second)!.ToJsonString(), target.Emulator.Find(EmulatorSession.CustomerForm, second)!.ToJsonString());
        Assert.Equal(0, (int)target.Emulator.Find(EmulatorSession.CustomerForm, second)!["Status"]!);
    }

    [Fact]
    public async Task The_seed_layout_is_Format_Records_by_SchemaCode_and_Attachments()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"F0000001":"x"}""");

        var seed = JsonNode.Parse(await ExportAsync(api.Emulator))!;

        Assert.Equal("h3yun-emulator-seed/1", (string?)seed["Format"]);
        Assert.Equal(id, (string?)seed["Records"]!["FormA"]![0]!["ObjectId"]);
        Assert.Empty(seed["Attachments"]!.AsArray());
    }

    [Fact]
    public async Task Importing_the_same_seed_twice_replaces_rather_than_duplicates()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var seed = Seed("""{"ObjectId":"11111111-1111-4111-8111-111111111111","F0000001":"seeded"}""");

        await api.Emulator.ImportAsync(new MemoryStream(seed));
        await api.Emulator.ImportAsync(new MemoryStream(seed));

        Assert.Equal(1, api.Emulator.Count(Order));
        Assert.Equal("seeded", (string?)(await api.LoadAsync(Order, "11111111-1111-4111-8111-111111111111"))!["F0000001"]);
    }

    [Fact]
    public async Task A_seed_record_gets_what_a_create_would_give_it_and_values_normalised()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        await api.Emulator.ImportAsync(new MemoryStream(Seed("""{"F0000002":"12.50","F0000004":"true","D000100FLines":[{"F0000011":"r"}]}""")));

        var record = (await api.QueryAsync(Order, "{}"))["BizObjectArray"]![0]!.AsObject();
        Assert.True(Guid.TryParse((string?)record["ObjectId"], out _));
        Assert.Equal(12.50m, (decimal)record["F0000002"]!);
        Assert.True((bool)record["F0000004"]!);
        Assert.Equal(1, (int)record["Status"]!);
        Assert.Equal(EmulatorOrganization.AdminUserName, (string?)record["CreatedBy"]);
        Assert.Equal((string?)record["ObjectId"], (string?)record["D000100FLines"]![0]!["ParentObjectId"]);
        Assert.NotNull(record["SeqNo"]);
        AssertChinaNow((string)record["CreatedTime"]!);
    }

    [Fact]
    public async Task A_seed_record_keeps_its_status_times_and_bookkeeping_with_times_in_the_read_format()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        const string Id = "22222222-2222-4222-8222-222222222222";

        await api.Emulator.ImportAsync(new MemoryStream(Seed($$"""
            {"ObjectId":"{{Id}}","Status":3,"CreatedTime":"2025/1/2 3:04:05","ModifiedTime":"2025-06-07 08:09:10","ModifiedBy":"user-7","SeqNo":"SN-7","WorkflowInstanceId":"wf-1"}
            """)));

        var record = api.Emulator.Find(Order, Id)!;
        Assert.Equal(3, (int)record["Status"]!);
        Assert.Equal("2025/1/2 3:04:05", (string?)record["CreatedTime"]);
        Assert.Equal("2025/6/7 8:09:10", (string?)record["ModifiedTime"]); // in the read format
        Assert.Equal("user-7", (string?)record["ModifiedBy"]);
        Assert.Equal("SN-7", (string?)record["SeqNo"]);
        Assert.Equal("wf-1", (string?)record["WorkflowInstanceId"]);
    }

    [Fact]
    public async Task A_seed_time_that_is_no_date_is_refused_naming_the_field_and_the_text()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => api.Emulator.ImportAsync(new MemoryStream(Seed("""{"ModifiedTime":"soon"}"""))));

        Assert.Contains("ModifiedTime is not a date: soon", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count(Order));
    }

    [Fact]
    public async Task A_seed_with_an_unknown_field_code_is_refused_naming_where_and_stores_nothing()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => api.Emulator.ImportAsync(new MemoryStream(Seed("""{"F0000001":"fine"}""", """{"F0000099":"typo"}"""))));

        Assert.Contains($"$.Records.{Order}[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("F0000099", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count(Order));
    }

    [Theory]
    [InlineData("""{"Records":{"D000100Nope":[]}}""", "D000100Nope")]
    [InlineData("""{"Format":"other/9"}""", "other/9")]
    [InlineData("""{"Records":[]}""", "$.Records")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("""{"Records":""", "not valid JSON")]
    [InlineData("""{"Attachments":[{"AttachmentId":"a"}]}""", "SchemaCode")]
    [InlineData("""{"Records":{"D000100Order":[{"F0000001":"a","F0000001":"b"}]}}""", "F0000001")]
    public async Task A_malformed_seed_is_refused_saying_what_is_wrong(string seed, string expected)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => api.Emulator.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(seed))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_files_given_in_the_options_are_imported_at_start()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("seed.json"), Seed("""{"ObjectId":"22222222-2222-4222-8222-222222222222","F0000001":"at start"}"""));
        var options = EmulatorSession.SchemaOptions();
        options.SeedFiles.Add(folder.File("seed.json"));

        await using var api = await EmulatorSession.StartAsync(options);

        Assert.Equal("at start", (string?)api.Emulator.Find(Order, "22222222-2222-4222-8222-222222222222")!["F0000001"]);
    }

    [Fact]
    public async Task A_missing_seed_file_stops_the_start_with_its_full_path()
    {
        var options = new H3YunEmulatorOptions();
        options.SeedFiles.Add("no-such-seed.json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => H3YunEmulator.StartAsync(options));

        Assert.Contains(Path.GetFullPath("no-such-seed.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_file_exports_without_a_running_emulator()
    {
        using var folder = new TempFolder();
        var options = EmulatorSession.SchemaOptions();
        options.DataFile = folder.File("data.db");
        string id;
        await using (var api = await EmulatorSession.StartAsync(options))
        {
            id = await api.CreateAsync(Order, """{"F0000001":"on disk"}""");
        }

        using var seed = new MemoryStream();
        await H3YunEmulator.ExportDataFileAsync(folder.File("data.db"), seed);

        Assert.Equal("on disk", (string?)JsonNode.Parse(seed.ToArray())!["Records"]![Order]![0]!["F0000001"]);
        Assert.Equal(id, (string?)JsonNode.Parse(seed.ToArray())!["Records"]![Order]![0]!["ObjectId"]);
        await Assert.ThrowsAsync<FileNotFoundException>(() => H3YunEmulator.ExportDataFileAsync(folder.File("none.db"), new MemoryStream()));
    }

    [Theory]
    [InlineData("[1,2]", "at $: expected an object with Records and Attachments")]
    [InlineData("""{"Format":"other/9"}""", "at $.Format: unknown format '\"other/9\"'; this emulator reads 'h3yun-emulator-seed/1'")]
    [InlineData("""{"Records":[]}""", "at $.Records: expected an object whose members are SchemaCodes")]
    [InlineData("""{"Records":{"D000100Order":{}}}""", "at $.Records.D000100Order: expected an array of records")]
    [InlineData("""{"Records":{"D000100Nope":[]}}""", "at $.Records.D000100Nope: no schema file defines the form 'D000100Nope'")]
    [InlineData("""{"Records":{"D000100Order":[{},5]}}""", "at $.Records.D000100Order[1]: expected a record object")]
    [InlineData("""{"Attachments":{}}""", "at $.Attachments: expected an array")]
    [InlineData("""{"Attachments":[5]}""", "at $.Attachments[0]: expected an attachment object")]
    [InlineData("""{"Attachments":[{"AttachmentId":"a"}]}""", "at $.Attachments[0].SchemaCode: is missing")]
    [InlineData("""{"Attachments":[{"AttachmentId":5}]}""", "at $.Attachments[0].AttachmentId: must be a string, got 5")]
    [InlineData("""{"Attachments":[{"AttachmentId":"a","SchemaCode":"D000100Order","BizObjectId":"b","FilePropertyName":"F1","FileName":"f.txt","Content":"%%"}]}""", "at $.Attachments[0].Content: not base64: ")]
    [InlineData("""{"Records":{"D000100Order":[{"F0000001":"a","F0000001":"b"}]}}""", "is not valid JSON: ")]
    public async Task A_malformed_seed_stream_is_refused_with_the_place_and_the_problem(string seed, string expected)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => api.Emulator.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(seed))));

        Assert.StartsWith($"Seed file '(stream)' {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seed_may_carry_comments_and_trailing_commas_and_an_attachment_only_what_it_needs()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        const string Id = "33333333-3333-4333-8333-333333333333";
        var seed = $$"""
            // written by hand
            {"Format":"h3yun-emulator-seed/1","Records":{"{{Order}}":[{"ObjectId":"{{Id}}",},],},
             "Attachments":[{"AttachmentId":"att-1","SchemaCode":"{{Order}}","BizObjectId":"{{Id}}","FilePropertyName":"F0000001","FileName":"a.txt","Content":"aGk=",},],}
            """;

        await api.Emulator.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(seed)));

        var attachment = Assert.Single(api.Emulator.Attachments(Order, Id));
        Assert.Equal("application/octet-stream", attachment.ContentType);
        Assert.Null(attachment.ChildSchemaCode);
        Assert.Equal("hi"u8.ToArray(), api.Emulator.AttachmentContent("att-1"));
        var exported = JsonNode.Parse(await ExportAsync(api.Emulator))!["Attachments"]![0]!;
        AssertChinaNow((string)exported["UploadedTime"]!);
    }

    [Fact]
    public async Task An_export_is_indented_and_names_each_attachments_child_table_type_and_time()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        const string RowId = "5a5a5a5a-1111-4111-8111-000000000003";
        var id = await api.CreateAsync(EmulatorSession.DocumentForm, $$"""{"{{EmulatorSession.DocumentPages}}":[{"ObjectId":"{{RowId}}","F0000011":"p"}]}""");
        await api.UploadOkAsync($"SchemaCode={EmulatorSession.DocumentForm}&ChildSchemaCode={EmulatorSession.DocumentPages}&FilePropertyName=F0000012&BizObjectId={RowId}", "p.pdf", "%PDF"u8.ToArray(), "application/pdf");

        var text = Encoding.UTF8.GetString(await ExportAsync(api.Emulator));

        Assert.Contains("\n  \"Records\"", text, StringComparison.Ordinal);
        var attachment = JsonNode.Parse(text)!["Attachments"]![0]!;
        Assert.Equal(EmulatorSession.DocumentPages, (string?)attachment["ChildSchemaCode"]);
        Assert.Equal("application/pdf", (string?)attachment["ContentType"]);
        AssertChinaNow((string)attachment["UploadedTime"]!);
        Assert.Equal(id, (string?)JsonNode.Parse(text)!["Records"]![EmulatorSession.DocumentForm]![0]!["ObjectId"]);
    }

    private static void AssertChinaNow(string time)
    {
        var parsed = DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(parsed, DateTime.UtcNow.AddHours(8).AddMinutes(-5), DateTime.UtcNow.AddHours(8).AddMinutes(5));
    }

    private static async Task<byte[]> ExportAsync(H3YunEmulator emulator)
    {
        using var seed = new MemoryStream();
        await emulator.ExportAsync(seed);
        return seed.ToArray();
    }

    private static byte[] Seed(params string[] orders) =>
        Encoding.UTF8.GetBytes($$$"""{"Format":"h3yun-emulator-seed/1","Records":{"{{{Order}}}":[{{{string.Join(',', orders)}}}]}}""");
}
