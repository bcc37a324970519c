using System.Text.Json;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Reading a window of records makes one string per distinct member name, not one per member: the same name gives the
/// same string, an escaped name reads as what it stands for, and made-up names cannot grow the table without end.
/// </summary>
public class MemberNamesTests
{
    [Fact]
    public void Records_of_one_array_read_their_names_right_whatever_order_and_names_each_has()
    {
        var names = new[] { "F0000001", "F0000002", "F0000001Object", "Name", "F\\u0030000003", "备注", "F000000" };
        Gen.Int[0, names.Length - 1].Array[0, 8].Array[1, 6].Sample(
            records =>
            {
                var json = "[" + string.Join(',', records.Select(r => "{" + string.Join(',', r.Distinct().Select(i => $"\"{names[i]}\":{i}")) + "}")) + "]";
                using var document = JsonDocument.Parse(json);
                var sequence = new MemberNameSequence();
                return document.RootElement.EnumerateArray().All(
                    record => record.EnumerateObject().Select((member, position) => sequence.Of(position, member) == member.Name).All(static same => same));
            },
            iter: 500);
    }

    [Theory]
    [InlineData("""{"F\u0030000001":1}""", "F0000001")]
    [InlineData("""{"\u5907\u6CE8":1}""", "备注")]
    [InlineData("""{"备注":1}""", "备注")]
    [InlineData("""{"":1}""", "")]
    [InlineData("""{"a\"b":1}""", "a\"b")]
    public void A_name_reads_as_what_it_stands_for(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, MemberNames.Of(document.RootElement.EnumerateObject().Single()));
    }

    [Fact]
    public void A_name_longer_than_any_field_code_is_read_too()
    {
        var name = new string('F', 200);
        using var document = JsonDocument.Parse($$"""{"{{name}}":1}""");

        Assert.Equal(name, MemberNames.Of(document.RootElement.EnumerateObject().Single()));
    }

    // One test, in this order: the flood fills the table for the rest of the process, after which new names are not kept.
    [Fact]
    public void The_same_name_in_two_records_is_the_same_string_and_made_up_names_do_not_grow_the_table_past_its_bound()
    {
        using var answer = JsonDocument.Parse("""[{"F0000001":"a","F0000001Object":null},{"F0000001":"b","F0000001Object":null}]""");
        var first = answer.RootElement[0].EnumerateObject().Select(MemberNames.Of).ToList();
        var second = answer.RootElement[1].EnumerateObject().Select(MemberNames.Of).ToList();

        Assert.Equal(["F0000001", "F0000001Object"], first);
        Assert.Same(first[0], second[0]);
        Assert.Same(first[1], second[1]);

        var names = Enumerable.Range(0, MemberNames.Capacity + 1000).Select(static i => $"\"made-up-{Guid.NewGuid():N}-{i}\":{i}");
        using var flood = JsonDocument.Parse("{" + string.Join(',', names) + "}");
        var read = flood.RootElement.EnumerateObject().Select(MemberNames.Of).ToList();

        Assert.Equal(MemberNames.Capacity + 1000, read.Distinct().Count());
        Assert.InRange(MemberNames.KnownCount, 1, MemberNames.Capacity);
        Assert.Same(first[0], answer.RootElement[1].EnumerateObject().Select(MemberNames.Of).First());
    }
}
