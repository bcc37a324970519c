using H3Yun.Cli.Text;

namespace H3Yun.Cli.Tests;

/// <summary>The tables the CLI prints line up in a terminal, Chinese display names included.</summary>
public class TextTableTests
{
    [Fact]
    public void Columns_line_up_by_display_width_under_a_rule_and_no_line_ends_in_spaces()
    {
        var table = TextTable.Render(["code", "name", "type"], [["F0000001", "客户名称", "ShortString"], ["F2", "Amount", ""]]);

        Assert.Equal(
            "code      name      type\n"
            + "--------  --------  -----------\n"
            + "F0000001  客户名称  ShortString\n"
            + "F2        Amount\n",
            table);
    }

    [Fact]
    public void A_table_without_rows_is_its_header_and_rule()
    {
        Assert.Equal("a  bb\n-  --\n", TextTable.Render(["a", "bb"], []));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("客户", 4)]
    [InlineData("ｶﾀｶﾅ", 4)] // half-width katakana (U+FF76…) take one column each
    [InlineData("ＡＢ", 4)] // full-width Latin letters (U+FF21…) take two
    [InlineData("e\u0301", 1)] // a combining accent takes none
    [InlineData("\u20DD", 0)] // an enclosing mark takes none
    [InlineData("\U00020000", 2)] // a CJK ideograph outside the Basic Multilingual Plane, one rune of two chars
    [InlineData("한", 2)]
    [InlineData("\u1100\u115F\u1160", 5)] // the Hangul Jamo leading consonants are wide; the vowel after them is not
    [InlineData("\u2E7F\u2E80\u303E\u303F", 6)]
    [InlineData("\u3040\u3041\u33FF\u3400\u4DBF\u4DC0", 10)]
    [InlineData("\u4E00\u9FFF\uA000\uA4CF\uA4D0", 9)]
    [InlineData("\uABFF\uAC00\uD7A3\uD7A4", 6)]
    [InlineData("\uF8FF\uF900\uFAFF\uFB00", 6)]
    [InlineData("\uFE2F\uFE30\uFE4F\uFE50", 5)] // U+FE2F is a combining half mark
    [InlineData("\uFEFF\uFF00\uFF60\uFF61", 6)]
    [InlineData("\uFFDF\uFFE0\uFFE6\uFFE7", 6)]
    [InlineData("\U0001FFFF\U00020000\U0003FFFD\U0003FFFE", 6)]
    public void A_wide_character_takes_two_columns_at_each_end_of_its_range_and_its_neighbours_one(string text, int width)
    {
        Assert.Equal(width, TextTable.Width(text));
    }
}
