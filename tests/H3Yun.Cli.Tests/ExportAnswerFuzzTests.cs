using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using H3Yun.Cli.Schemas;

namespace H3Yun.Cli.Tests;

/// <summary>
/// The reader of the export class's answer (<c>ExportAnswer.Read</c>), on random input: every answer written in the
/// shapes the contract allows (Schemas as a JSON string or an array, member names in any case, DataType as a number,
/// a numeric text or a name) reads back as the forms written, child tables and all; and any answer, however mangled,
/// reads as forms that have what a schema file needs or is refused with a CliException that names the request,
/// never another exception.
/// </summary>
public class ExportAnswerFuzzTests
{
    private const string Request = "ExportSchemas of app D000024Test";

    // The DataType names of the schema format, written out here rather than taken from the reader's own table.
    private static readonly (int Number, string Name)[] DataTypes =
    [
        (1, "Bool"), (5, "DateTime"), (7, "Double"), (9, "Int"), (11, "Long"), (13, "String"), (14, "ShortString"), (23, "Image"), (24, "File"),
        (26, "Unit"), (27, "UnitArray"), (50, "Association"), (55, "Map"), (56, "Address"),
    ];

    private static readonly Gen<string> Code = Gen.Select(Gen.Char["DF"], Gen.Int[0, 99999]).Select((letter, n) => $"{letter}{n:D7}");

    private static readonly Gen<string?> DisplayName = Gen.Frequency((3, Gen.String[Gen.Char["客户订单 Ab1"], 1, 6].Select(t => (string?)(t.Trim() is { Length: > 0 } text ? text : "名"))), (1, Gen.Const((string?)null)));

    private static readonly Gen<RemoteField> Field = Gen.Select(Code, DisplayName, Gen.Int[0, DataTypes.Length - 1], Gen.Bool, Code)
        .Select((code, name, type, associated, target) =>
            new RemoteField(code, name, DataTypes[type].Number, DataTypes[type].Number == 50 && associated ? target : null, null));

    private static readonly Gen<RemoteForm> Table = Gen.Select(Code, DisplayName, Field.List[0, 4])
        .Select((code, name, fields) => new RemoteForm(code, name, fields));

    private static readonly Gen<RemoteForm> Form = Gen.Select(Code, DisplayName, Field.List[0, 5], Gen.Select(Code, DisplayName, Table).List[0, 2])
        .Select((code, name, fields, tables) => new RemoteForm(
            code,
            name,
            [.. fields, .. tables.Select(t => new RemoteField(t.Item1, t.Item2, RemoteField.ChildTableDataType, null, t.Item3))]));

    /// <summary>How an answer is written: Schemas as a string or inline, names in which case, DataType in which form.</summary>
    private sealed record Style(bool SchemasAsString, int NameCase, int DataTypeForm);

    private static readonly Gen<Style> Styles = Gen.Select(Gen.Bool, Gen.Int[0, 2], Gen.Int[0, 2]).Select((asString, nameCase, typeForm) => new Style(asString, nameCase, typeForm));

    [Fact]
    public void Every_answer_written_as_the_contract_allows_reads_back_as_the_forms_written()
    {
        Gen.Select(Form.List[0, 3], Styles).Sample(
            (forms, style) =>
            {
                var answer = Answer(forms, style);
                using var document = JsonDocument.Parse(answer);

                var read = ExportAnswer.Read(document.RootElement, Request);

                Assert.Equal(string.Join("\n", forms.Select(Describe)), string.Join("\n", read.Select(Describe)));
            },
            iter: 1000,
            print: t => Answer(t.Item1, t.Item2));
    }

    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e400", "2147483648", "\"\"", "\" \"", "[]", "{}", "\"BizObjectArray\"", "41", "\"Nope\"", "\"\\u0000\"", "/* c */"];

    [Fact]
    public void Any_answer_is_read_as_complete_forms_or_refused_with_a_CliException_naming_the_request()
    {
        var outcomes = new int[2];
        Gen.Select(Form.List[1, 3], Styles, Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[0, 30], Gen.Int[0, Fragments.Length - 1])
            .Select((forms, style, kind, position, length, fragment) => Mutate(Answer(forms, style), kind, position, length, Fragments[fragment]))
            .Sample(
                answer =>
                {
                    JsonDocument document;
                    try
                    {
                        document = JsonDocument.Parse(answer);
                    }
                    catch (JsonException)
                    {
                        return; // the client refuses an answer that is not JSON before this reader sees it
                    }

                    using (document)
                    {
                        IReadOnlyList<RemoteForm> forms;
                        try
                        {
                            forms = ExportAnswer.Read(document.RootElement, Request);
                        }
                        catch (CliException refused)
                        {
                            Assert.Contains(Request, refused.Message, StringComparison.Ordinal);
                            Interlocked.Increment(ref outcomes[1]);
                            return;
                        }

                        Assert.All(forms, Complete);
                        Interlocked.Increment(ref outcomes[0]);
                    }
                },
                iter: 4000);

        // Both outcomes must have been exercised a fair share, so that the mutations keep testing both.
        Assert.True(outcomes[0] >= 200 && outcomes[1] >= 200, $"{outcomes[0]} read, {outcomes[1]} refused");
    }

    [Theory]
    [InlineData("""{"Schemas":[{"SchemaCode":"D1","DisplayName":"a","DisplayName":"b","Properties":[]}]}""")]
    [InlineData("""{"Schemas":"[{\"SchemaCode\":\"D1\",\"Properties\":[],\"Properties\":[]}]"}""")]
    public void A_member_written_twice_is_refused_as_a_malformed_answer(string answer)
    {
        // Found by the fuzzer: such an answer ended in an ArgumentException from System.Text.Json.Nodes.
        using var document = JsonDocument.Parse(answer);

        var refused = Assert.Throws<CliException>(() => ExportAnswer.Read(document.RootElement, Request));

        Assert.Contains(Request, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Schemas is not JSON", refused.Message, StringComparison.Ordinal);
    }

    // What a schema file written from the form needs: a SchemaCode, and each field a Name and, for a table, its form.
    private static void Complete(RemoteForm form)
    {
        Assert.False(string.IsNullOrWhiteSpace(form.SchemaCode));
        Assert.Equal(form.SchemaCode.Trim(), form.SchemaCode);
        foreach (var field in form.Fields)
        {
            Assert.False(string.IsNullOrWhiteSpace(field.Name));
            Assert.True(field.DataType != RemoteField.ChildTableDataType || field.ChildSchema is not null, $"{field.Name} is a table without its form");
            if (field.ChildSchema is { } table)
            {
                Complete(table);
            }
        }
    }

    private static string Answer(List<RemoteForm> forms, Style style)
    {
        var array = new JsonArray([.. forms.Select(form => (JsonNode)FormJson(form, style))]);
        return new JsonObject { [Name("Schemas", style)] = style.SchemasAsString ? JsonValue.Create(array.ToJsonString()) : array }.ToJsonString();
    }

    private static JsonObject FormJson(RemoteForm form, Style style)
    {
        var json = new JsonObject { [Name("SchemaCode", style)] = form.SchemaCode };
        if (form.DisplayName is not null)
        {
            json[Name("DisplayName", style)] = form.DisplayName;
        }

        json[Name("Properties", style)] = new JsonArray([.. form.Fields.Select(field =>
        {
            var property = new JsonObject { [Name("Name", style)] = field.Name };
            if (field.DisplayName is not null)
            {
                property[Name("DisplayName", style)] = field.DisplayName;
            }

            property[Name("DataType", style)] = style.DataTypeForm switch
            {
                0 => JsonValue.Create(field.DataType),
                1 => JsonValue.Create(field.DataType.ToString(CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(field.DataType == RemoteField.ChildTableDataType ? "BizObjectArray" : DataTypes.Single(t => t.Number == field.DataType).Name),
            };
            if (field.AssociationSchemaCode is not null)
            {
                property[Name("AssociationSchemaCode", style)] = field.AssociationSchemaCode;
            }

            if (field.ChildSchema is not null)
            {
                property[Name("ChildSchema", style)] = FormJson(field.ChildSchema, style);
            }

            return (JsonNode)property;
        })]);
        return json;
    }

    private static string Name(string name, Style style) => style.NameCase switch
    {
        0 => name,
        1 => name.ToLowerInvariant(),
        _ => name.ToUpperInvariant(),
    };

    private static string Describe(RemoteForm form) =>
        $"{form.SchemaCode} '{form.DisplayName}' [{string.Join(", ", form.Fields.Select(f => $"{f.Name} '{f.DisplayName}' {f.DataType} {f.AssociationSchemaCode} {(f.ChildSchema is { } table ? Describe(table) : "-")}"))}]";

    // A member of the answer retyped, or its text cut, spliced or inserted into (inside the Schemas string too).
    private static string Mutate(string answer, int kind, int position, int length, string fragment)
    {
        var at = position % (answer.Length + 1);
        return kind switch
        {
            0 => answer.Remove(at, Math.Min(length, answer.Length - at)),
            1 => answer.Insert(at, fragment),
            2 => answer.Remove(at, Math.Min(length, answer.Length - at)).Insert(at, fragment),
            _ => Retype(answer, position, fragment),
        };
    }

    // Replaces the n-th value of the answer's JSON (Schemas parsed if it is a string) with the fragment.
    private static string Retype(string answer, int position, string fragment)
    {
        var root = JsonNode.Parse(answer)!.AsObject();
        var (name, schemas) = root.First();
        JsonNode? forms = schemas is JsonValue text ? JsonNode.Parse(text.GetValue<string>())! : schemas!.DeepClone();
        var nodes = new List<JsonNode>();
        Collect(forms, nodes);
        JsonNode? replacement;
        try
        {
            replacement = JsonNode.Parse(fragment);
        }
        catch (JsonException)
        {
            replacement = JsonValue.Create(fragment);
        }

        var target = nodes[position % nodes.Count];
        if (target.Parent is JsonObject parent)
        {
            parent[target.GetPropertyName()] = replacement;
        }
        else if (target.Parent is JsonArray list)
        {
            list[target.GetElementIndex()] = replacement;
        }
        else
        {
            forms = replacement;
        }

        root[name] = schemas is JsonValue ? JsonValue.Create(forms?.ToJsonString() ?? "null") : forms;
        return root.ToJsonString();
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject json:
                foreach (var member in json)
                {
                    Collect(member.Value, nodes);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, nodes);
                }

                break;
        }
    }
}
