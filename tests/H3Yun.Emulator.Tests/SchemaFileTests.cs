using System;
using System.IO;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// A schema file the emulator cannot read stops its start with one message: the file, the place inside it as a JSON
/// path, and what is wrong there. Members a schema file may carry for the generator are checked for their JSON type too.
/// </summary>
public class SchemaFileTests
{
    public static TheoryData<string, string> Malformed => new()
    {
        { "[1]", "at $: expected an object" },
        { """{"Namespace":"1.bad","SchemaCode":"X","Properties":[]}""", "at $: Namespace '1.bad' is not a C# namespace" },
        { """{"ClassName":5,"SchemaCode":"X","Properties":[]}""", "at $: ClassName must be a string" },
        { """{"Properties":[]}""", "at $: SchemaCode is missing" },
        { """{"SchemaCode":"X"}""", "at $: Properties must be an array" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"ShortString"},5]}""", "at $.Properties[1]: expected an object" },
        { """{"SchemaCode":"X","Properties":[{"DataType":"ShortString"}]}""", "at $.Properties[0]: Name (the field code) is missing" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"ShortString","PropertyName":5}]}""", "at $.Properties[0]: PropertyName must be a string" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"ShortString","Multiple":"yes"}]}""", "at $.Properties[0]: Multiple must be true or false" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"ShortString","Formula":1}]}""", "at $.Properties[0]: Formula must be true or false" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"ShortString","Options":"a"}]}""", "at $.Properties[0]: Options must be an array of strings" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"ShortString","Options":["a",1]}]}""", "at $.Properties[0]: Options must be an array of strings" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"ShortString"},{"Name":"F1","DataType":"Int"}]}""", "at $.Properties[1]: field code 'F1' appears twice" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1"}]}""", "at $.Properties[0]: DataType is missing" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"  "}]}""", "at $.Properties[0]: DataType is missing" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"ShortStrin"}]}""", "at $.Properties[0]: DataType 'ShortStrin' is not an H3Yun BizDataType (did you mean 'ShortString'?)" },
        { """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":"Zebra"}]}""", "at $.Properties[0]: DataType 'Zebra' is not an H3Yun BizDataType" },
        { """{"SchemaCode":"X","Properties":[{"Name":"D1","DataType":"BizObjectArray"}]}""", "at $.Properties[0]: child table 'D1' has no ChildSchema object" },
        { """{"SchemaCode":"X","Properties":[{"Name":"D1","DataType":"BizObjectArray","ChildSchema":{"SchemaCode":"D1","Properties":[{"Name":"F1"}]}}]}""", "at $.Properties[0].ChildSchema.Properties[0]: DataType is missing" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_schema_file_stops_the_start_naming_the_file_the_place_and_the_problem(string text, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("form.h3form.json");
        await File.WriteAllTextAsync(path, text);

        var error = await StartAsync(path);

        Assert.Equal($"Schema file '{path}' {expected}", error.Message);
    }

    [Fact]
    public async Task A_schema_file_that_is_not_JSON_is_refused_with_the_readers_place()
    {
        using var folder = new TempFolder();
        var path = folder.File("form.h3form.json");
        await File.WriteAllTextAsync(path, """{"SchemaCode":"X","Properties":""");

        var error = await StartAsync(path);

        Assert.StartsWith($"Schema file '{path}' is not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_file_that_cannot_be_read_is_refused_naming_it()
    {
        using var folder = new TempFolder();

        var error = await StartAsync(folder.Path);

        Assert.StartsWith($"Cannot read schema file '{folder.Path}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nulls_count_as_absent_and_a_child_table_inside_a_child_table_is_kept_as_a_value()
    {
        using var folder = new TempFolder();
        var path = folder.File("form.h3form.json");
        await File.WriteAllTextAsync(path, """
            {"SchemaCode":"D000100Nested","ClassName":null,"DisplayName":null,"Properties":[
              {"Name":"D000100FOuter","DataType":"BizObjectArray","ChildSchema":{"SchemaCode":"D000100FOuter","Properties":[
                {"Name":"F0000001","DataType":"ShortString","Multiple":null},
                {"Name":"D000100FInner","DataType":"BizObjectArray"}]}}]}
            """);
        var options = new H3YunEmulatorOptions();
        options.SchemaFiles.Add(path);
        await using var api = await EmulatorSession.StartAsync(options);

        var id = await api.CreateAsync("D000100Nested", """{"D000100FOuter":[{"F0000001":"a","D000100FInner":[{"x":1}]}]}""");

        var row = (await api.LoadAsync("D000100Nested", id))!["D000100FOuter"]![0]!;
        Assert.Equal("a", (string?)row["F0000001"]);
        Assert.Equal(1, (int)row["D000100FInner"]![0]!["x"]!);
    }

    private static async Task<InvalidDataException> StartAsync(string schemaFile)
    {
        var options = new H3YunEmulatorOptions();
        options.SchemaFiles.Add(schemaFile);
        return await Assert.ThrowsAsync<InvalidDataException>(() => H3YunEmulator.StartAsync(options));
    }
}
