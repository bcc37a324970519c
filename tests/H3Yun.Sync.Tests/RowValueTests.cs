using System.Text.Json;
using H3Yun.Sync.Storage;

namespace H3Yun.Sync.Tests;

/// <summary>
/// The shapes of values the fuzzer draws seldom or never, each read into its column: lists joined with <c>;</c> and
/// spaces, a person whose companion lacks a name, people sent as a lone number, text that JSON would escape, and a
/// whole number beyond a long.
/// </summary>
public class RowValueTests
{
    private static readonly LayoutColumn Options = RowValueFuzzTests.Column("F1", 14, true, ColumnKind.Json);
    private static readonly LayoutColumn Person = RowValueFuzzTests.Column("F2", 26, false, ColumnKind.Text);
    private static readonly LayoutColumn PersonName = RowValueFuzzTests.Column("F2", 26, false, ColumnKind.Text, ColumnRole.DisplayName);
    private static readonly LayoutColumn People = RowValueFuzzTests.Column("F3", 27, false, ColumnKind.Json);
    private static readonly LayoutColumn PeopleNames = RowValueFuzzTests.Column("F3", 27, false, ColumnKind.Json, ColumnRole.DisplayName);
    private static readonly LayoutColumn Whole = RowValueFuzzTests.Column("F4", 11, false, ColumnKind.Integer);

    [Fact]
    public void Options_joined_with_semicolons_lose_the_spaces_and_the_empty_entries()
    {
        Assert.Equal("""["red","green","blue"]""", Read("""{"F1":" red ; green;; blue ;"}""", Options));
    }

    [Fact]
    public void People_joined_with_semicolons_lose_the_spaces_and_the_empty_entries()
    {
        Assert.Equal("""["u1","u2"]""", Read("""{"F3":"u1; ;u2 ;"}""", People));
        Assert.Equal("[null,null]", Read("""{"F3":"u1; ;u2 ;"}""", PeopleNames));
    }

    [Fact]
    public void A_person_whose_companion_lacks_a_name_is_named_by_the_display_name_H3Yun_sent()
    {
        const string record = """{"F2":"Zhang San","F2Object":{"ObjectId":"u-7"}}""";
        Assert.Equal("u-7", Read(record, Person));
        Assert.Equal("Zhang San", Read(record, PersonName));
        Assert.Equal("张三", Read("""{"F2":"Zhang San","F2Object":{"ObjectId":"u-7","Name":"张三"}}""", PersonName)); // the companion's name first
    }

    [Fact]
    public void People_sent_as_a_lone_number_keep_it_as_their_one_id_and_have_no_names()
    {
        Assert.Equal("""["42"]""", Read("""{"F3":42}""", People));
        Assert.Null(Read("""{"F3":42}""", PeopleNames));
    }

    [Fact]
    public void Lists_keep_Chinese_and_markup_characters_as_they_are()
    {
        Assert.Equal("""["红色","<b>&'"]""", Read("""{"F1":"红色;<b>&'"}""", Options));
    }

    [Theory]
    [InlineData("12345678901234567890")]
    [InlineData("-12345678901234567890")]
    [InlineData("\"12345678901234567890.0\"")]
    public void A_whole_number_beyond_a_long_leaves_its_column_empty(string number)
    {
        Assert.Null(Read($$"""{"F4":{{number}}}""", Whole));
    }

    private static object? Read(string record, LayoutColumn column)
    {
        using var document = JsonDocument.Parse(record);
        return RowValues.Read(document.RootElement, column);
    }
}
