using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Storage;

/// <summary>With a data file, records survive a restart of the emulator and a change of the schema files.</summary>
public class PersistenceTests
{
    private const string Order = EmulatorSession.OrderForm;

    [Fact]
    public async Task Records_survive_a_restart_with_the_same_data_file()
    {
        using var folder = new TempFolder();
        string id;
        await using (var first = await StartAsync(folder.File("data.db")))
        {
            id = await first.CreateAsync(Order, """{"F0000001":"kept","F0000002":12.5,"D000100FLines":[{"F0000011":"row"}]}""");
        }

        await using var second = await StartAsync(folder.File("data.db"));

        var record = (await second.LoadAsync(Order, id))!;
        Assert.Equal("kept", (string?)record["F0000001"]);
        Assert.Equal(12.5m, (decimal)record["F0000002"]!);
        Assert.Equal("row", (string?)record["D000100FLines"]![0]!["F0000011"]);
        Assert.Equal(1, second.Emulator.Count(Order));
        Assert.Equal(Path.GetFullPath(folder.File("data.db")), second.Emulator.DataFile);
    }

    [Fact]
    public async Task Updates_and_removals_survive_a_restart_and_SeqNo_keeps_counting()
    {
        using var folder = new TempFolder();
        string kept, removed;
        await using (var first = await StartAsync(folder.File("data.db")))
        {
            kept = await first.CreateAsync(Order, """{"F0000001":"before"}""");
            removed = await first.CreateAsync(Order, """{"F0000001":"gone"}""");
            await first.SucceedAsync($$"""{"ActionName":"UpdateBizObject","SchemaCode":"{{Order}}","BizObjectId":"{{kept}}","BizObject":"{\"F0000001\":\"after\"}"}""");
            await first.SucceedAsync($$"""{"ActionName":"RemoveBizObject","SchemaCode":"{{Order}}","BizObjectId":"{{removed}}"}""");
        }

        await using var second = await StartAsync(folder.File("data.db"));
        var third = await second.CreateAsync(Order, """{"F0000001":"third"}""");

        Assert.Equal("after", (string?)second.Emulator.Find(Order, kept)!["F0000001"]);
        Assert.Null(second.Emulator.Find(Order, removed));
        Assert.EndsWith("00000003", (string?)second.Emulator.Find(Order, third)!["SeqNo"], StringComparison.Ordinal);
        var all = await second.QueryAsync(Order, "{}");
        Assert.Equal([kept, third], all["BizObjectArray"]!.AsArray().Select(record => (string?)record!["ObjectId"]));
    }

    [Fact]
    public async Task A_field_added_to_the_schema_keeps_stored_data_and_reads_as_null_until_written()
    {
        using var folder = new TempFolder();
        var v1 = folder.File("v1.h3form.json");
        var v2 = folder.File("v2.h3form.json");
        File.WriteAllText(v1, """{"SchemaCode":"D000100Grow","Properties":[{"Name":"F0000001","DataType":"ShortString"}]}""");
        File.WriteAllText(v2, """{"SchemaCode":"D000100Grow","Properties":[{"Name":"F0000001","DataType":"ShortString"},{"Name":"F0000002","DataType":"Double"}]}""");
        string id;
        await using (var first = await StartAsync(folder.File("data.db"), v1))
        {
            id = await first.CreateAsync("D000100Grow", """{"F0000001":"old data"}""");
            await first.FailAsync($$"""{"ActionName":"UpdateBizObject","SchemaCode":"D000100Grow","BizObjectId":"{{id}}","BizObject":"{\"F0000002\":1}"}""");
        }

        await using var second = await StartAsync(folder.File("data.db"), v2);
        var before = (await second.LoadAsync("D000100Grow", id))!;
        await second.SucceedAsync($$"""{"ActionName":"UpdateBizObject","SchemaCode":"D000100Grow","BizObjectId":"{{id}}","BizObject":"{\"F0000002\":7}"}""");
        var after = (await second.LoadAsync("D000100Grow", id))!;

        Assert.Equal("old data", (string?)before["F0000001"]);
        Assert.True(before.ContainsKey("F0000002"));
        Assert.Null(before["F0000002"]);
        Assert.Equal(7m, (decimal)after["F0000002"]!);
        Assert.Equal("old data", (string?)after["F0000001"]);
    }

    [Fact]
    public async Task A_field_removed_from_the_schema_is_not_read_but_comes_back_when_the_field_does()
    {
        using var folder = new TempFolder();
        var full = folder.File("full.h3form.json");
        var reduced = folder.File("reduced.h3form.json");
        File.WriteAllText(full, """{"SchemaCode":"D000100Shrink","Properties":[{"Name":"F0000001","DataType":"ShortString"},{"Name":"F0000002","DataType":"ShortString"}]}""");
        File.WriteAllText(reduced, """{"SchemaCode":"D000100Shrink","Properties":[{"Name":"F0000001","DataType":"ShortString"}]}""");
        string id;
        await using (var first = await StartAsync(folder.File("data.db"), full))
        {
            id = await first.CreateAsync("D000100Shrink", """{"F0000001":"a","F0000002":"b"}""");
        }

        await using (var second = await StartAsync(folder.File("data.db"), reduced))
        {
            Assert.False((await second.LoadAsync("D000100Shrink", id))!.ContainsKey("F0000002"));
        }

        await using var third = await StartAsync(folder.File("data.db"), full);
        Assert.Equal("b", (string?)(await third.LoadAsync("D000100Shrink", id))!["F0000002"]);
    }

    [Fact]
    public async Task Without_a_data_file_each_instance_starts_empty()
    {
        string id;
        await using (var first = await EmulatorSession.StartAsync())
        {
            id = await first.CreateAsync("FormA", """{"F0000001":"x"}""");
            Assert.Null(first.Emulator.DataFile);
        }

        await using var second = await EmulatorSession.StartAsync();
        Assert.Null(second.Emulator.Find("FormA", id));
    }

    [Fact]
    public async Task A_file_that_is_not_a_data_file_is_refused_with_its_path()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("not.db"), "this is not SQLite, just text that is long enough to have a header of sorts.........");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => H3YunEmulator.StartAsync(new H3YunEmulatorOptions { DataFile = folder.File("not.db") }));

        Assert.Contains(folder.File("not.db"), error.Message, StringComparison.Ordinal);
        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_of_the_data_file_is_created()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a", "b", "data.db");

        await using (var api = await StartAsync(path))
        {
            await api.CreateAsync(Order, """{"F0000001":"x"}""");
        }

        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("two")]
    public async Task A_data_file_of_a_newer_format_is_refused_saying_which_to_use(string format)
    {
        using var folder = new TempFolder();
        var path = folder.File("data.db");
        await using (var api = await StartAsync(path))
        {
            await api.CreateAsync(Order, """{"F0000001":"x"}""");
        }

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE meta SET value = $format WHERE key = 'format'";
            command.Parameters.AddWithValue("$format", format);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => StartAsync(path));

        Assert.Equal($"The data file '{Path.GetFullPath(path)}' was written by a newer emulator (format {format}; this one reads format 1). Use a newer emulator or another --data file.", error.Message);
    }

    [Fact]
    public async Task Clear_forgets_records_attachments_and_the_SeqNo_count_and_a_removal_takes_its_files()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var first = await api.CreateAsync(EmulatorSession.DocumentForm, "{}");
        var firstNumber = (string?)api.Emulator.Find(EmulatorSession.DocumentForm, first)!["SeqNo"];
        var cleared = await api.UploadOkAsync($"SchemaCode={EmulatorSession.DocumentForm}&FilePropertyName=F0000002&BizObjectId={first}", "a.png", [1, 2]);
        var removed = await api.CreateAsync(EmulatorSession.DocumentForm, "{}");
        var removedFile = await api.UploadOkAsync($"SchemaCode={EmulatorSession.DocumentForm}&FilePropertyName=F0000002&BizObjectId={removed}", "b.png", [3]);

        await api.SucceedAsync($$"""{"ActionName":"RemoveBizObject","SchemaCode":"{{EmulatorSession.DocumentForm}}","BizObjectId":"{{removed}}"}""");
        Assert.Null(api.Emulator.AttachmentContent(removedFile));
        Assert.NotNull(api.Emulator.AttachmentContent(cleared));
        api.Emulator.Clear();
        var again = await api.CreateAsync(EmulatorSession.DocumentForm, "{}");

        Assert.Null(api.Emulator.AttachmentContent(cleared));
        Assert.Equal(1, api.Emulator.Count(EmulatorSession.DocumentForm));
        Assert.Equal(firstNumber, (string?)api.Emulator.Find(EmulatorSession.DocumentForm, again)!["SeqNo"]);
    }

    [Fact]
    public async Task A_seeded_SeqNo_moves_the_count_past_it_and_a_seed_without_one_is_numbered()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var year = DateTime.UtcNow.AddHours(8).Year;
        var seed = $$$"""{"Format":"h3yun-emulator-seed/1","Records":{"{{{Order}}}":[{"SeqNo":"{{{year}}}00000007"},{"SeqNo":"{{{year}}}00000003"},{}]}}""";

        await api.Emulator.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(seed)));
        var created = await api.CreateAsync(Order, "{}");

        var numbers = (await api.QueryAsync(Order, "{}"))["BizObjectArray"]!.AsArray().Select(record => (string?)record!["SeqNo"]);
        Assert.Equal([$"{year}00000007", $"{year}00000003", $"{year}00000008", $"{year}00000009"], numbers);
        Assert.Equal($"{year}00000009", (string?)api.Emulator.Find(Order, created)!["SeqNo"]);
    }

    private static Task<EmulatorSession> StartAsync(string dataFile, string? schemaFile = null)
    {
        var options = schemaFile is null ? EmulatorSession.SchemaOptions() : new H3YunEmulatorOptions();
        if (schemaFile is not null)
        {
            options.SchemaFiles.Add(schemaFile);
        }

        options.DataFile = dataFile;
        return EmulatorSession.StartAsync(options);
    }
}
