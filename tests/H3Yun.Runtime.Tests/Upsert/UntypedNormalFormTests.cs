using System.Text.Json;

namespace H3Yun.Runtime.Tests.Upsert;

/// <summary>
/// An item's values as a spreadsheet gives them and a record as H3Yun answers it in each shape docs/protocol.md lists
/// (dates as yyyy/M/d H:mm:ss, numbers as strings, yes/no as "true", people as display names with an …Object
/// companion, lists as arrays of objects) compare equal in the untyped upsert's one normal form; a real change does not.
/// </summary>
public class UntypedNormalFormTests
{
    private const string Alice = "0a8b6f6e-3c1d-4a0e-9f2b-1c2d3e4f5a6b";
    private const string Bob = "1b9c7a7f-4d2e-4b1f-8a3c-2d3e4f5a6b7c";

    private static readonly H3FormShape Form = new("D000900Form",
    [
        new("F1", H3FieldKind.Text),
        new("F2", H3FieldKind.MultiText),
        new("F3", H3FieldKind.Number),
        new("F4", H3FieldKind.WholeNumber),
        new("F5", H3FieldKind.DateTime),
        new("F6", H3FieldKind.Boolean),
        new("F7", H3FieldKind.Unit),
        new("F8", H3FieldKind.UnitList),
        new("F9", H3FieldKind.Association),
        new("T1", H3FieldKind.ChildTable, [new("C1", H3FieldKind.Text), new("C2", H3FieldKind.Number)]),
    ]);

    private const string Answer = $$"""
        {
          "ObjectId": "rec-1", "Name": "K-1", "F1": "K-1", "F2": ["周一", "周五"], "F3": "1234.50", "F4": 7,
          "F5": "2026/1/5 8:05:09", "F6": "true", "F7": "张三", "F7Object": { "ObjectId": "{{Alice}}", "Name": "张三" },
          "F8": [{ "ObjectId": "{{Alice}}", "Name": "张三" }, { "ObjectId": "{{Bob}}", "Name": "李四" }],
          "F9": { "ObjectId": "rec-9", "Name": "客户甲" },
          "T1": [{ "ObjectId": "row-1", "ParentObjectId": "rec-1", "C1": "甲", "C2": "2" }]
        }
        """;

    [Fact]
    public void A_spreadsheets_values_equal_the_record_H3Yun_answers_in_its_own_shapes()
    {
        var differences = Differences(Item());

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("F3", 1234.51)]
    [InlineData("F5", "2026-01-05 08:05:10")]
    [InlineData("F6", false)]
    [InlineData("F7", Bob)]
    [InlineData("F8", Alice)]
    [InlineData("F2", "周五;周一")]
    public void A_changed_value_differs_in_its_field_only(string code, object value)
    {
        var item = Item();
        item[code] = value is double d ? (decimal)d : value;

        Assert.Equal([code], Differences(item));
    }

    [Theory]
    [InlineData("第一行\r\n第二行", "第一行\n第二行", true)]
    [InlineData("第一行\n第二行", "第一行\r\n第二行", true)]
    [InlineData("第一行\r第二行", "第一行\n第二行", true)]
    [InlineData("第一行\r\n第二行", "第一行\n\n第二行", false)]
    [InlineData("第一行\n第二行", "第一行 第二行", false)]
    [InlineData("a\r\n", "b\n", false)]
    public void Texts_that_differ_only_in_the_form_of_their_line_breaks_are_equal(string stored, string wanted, bool equal)
    {
        // An .xlsx cell cannot hold a CR (XML reads CRLF as LF) and a browser sends CRLF: a text read back from an
        // export would otherwise update its record on every import.
        using var current = JsonDocument.Parse(JsonSerializer.Serialize(new { F1 = stored }));
        using var item = JsonDocument.Parse(JsonSerializer.Serialize(new { F1 = wanted }));

        Assert.Equal(equal ? [] : ["F1"], UpsertValues.Differences(item.RootElement, current.RootElement));
    }

    [Fact]
    public void A_changed_child_row_differs_in_its_table()
    {
        var item = Item();
        item["T1"] = new List<IReadOnlyDictionary<string, object?>> { new Dictionary<string, object?> { ["C1"] = "甲", ["C2"] = 3m } };

        Assert.Equal(["T1"], Differences(item));
    }

    private static Dictionary<string, object?> Item() => new()
    {
        ["F1"] = "K-1",
        ["F2"] = "周一;周五",
        ["F3"] = 1234.5m,
        ["F4"] = 7L,
        ["F5"] = "2026-01-05 08:05:09",
        ["F6"] = true,
        ["F7"] = Alice,
        ["F8"] = $"{Alice};{Bob}",
        ["F9"] = "rec-9",
        ["T1"] = new List<IReadOnlyDictionary<string, object?>> { new Dictionary<string, object?> { ["C1"] = "甲", ["C2"] = 2m } },
    };

    private static List<string> Differences(Dictionary<string, object?> item)
    {
        var source = new UntypedUpsertSource(Form, () => [item], ["F1"], H3YunTimeZones.ChinaStandardTime);
        using var answer = JsonDocument.Parse(Answer);
        var (objectId, stored) = source.ReadStored(answer.RootElement);
        Assert.Equal("rec-1", objectId);
        using var wanted = JsonDocument.Parse(source.Read().Single().CreateBody);
        using var current = JsonDocument.Parse(stored);
        return UpsertValues.Differences(wanted.RootElement, current.RootElement);
    }
}
