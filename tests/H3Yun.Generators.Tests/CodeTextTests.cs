using H3Yun.Generators.Emitting;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Schema text in generated code: a string literal that means the same text, XML docs without markup or characters
/// XML forbids, and line comments that a line break cannot end; text that needs none of it is returned as it is.
/// </summary>
public class CodeTextTests
{
    [Theory]
    [InlineData("客户 name", "\"客户 name\"")]
    [InlineData("\"", "\"\\\"\"")]
    [InlineData("\\", "\"\\\\\"")]
    [InlineData("\t", "\"\\t\"")]
    [InlineData("\u007F", "\"\\u007f\"")]
    [InlineData("\u0085", "\"\\u0085\"")]
    [InlineData("\u2028", "\"\\u2028\"")]
    public void A_literal_escapes_quotes_backslashes_controls_separators_and_lone_surrogates(string text, string literal)
    {
        Assert.Equal(literal, CodeText.Literal(text));
    }

    [Fact]
    public void A_literal_escapes_a_lone_surrogate_and_keeps_a_pair()
    {
        // Not InlineData: the test runner's serialization would replace the lone surrogate.
        Assert.Equal("\"\\ud800\"", CodeText.Literal("\uD800"));
        Assert.Equal("\"😀\"", CodeText.Literal("😀"));
    }

    [Theory]
    [InlineData("&", "&amp;")]
    [InlineData("<b>", "&lt;b&gt;")]
    [InlineData("a\tb\u0001", "a b ")]
    [InlineData("\uFFFE\uFFFF", "  ")]
    [InlineData("x</summary>", "x&lt;/summary&gt;")]
    public void Xml_docs_escape_markup_and_turn_forbidden_characters_into_spaces(string text, string xml)
    {
        Assert.Equal(xml, CodeText.Xml(text));
    }

    [Theory]
    [InlineData("a\rb\nc\u0085d\u2028e\u2029f", "a b c d e f")]
    public void A_comment_turns_every_line_end_into_a_space(string text, string comment)
    {
        Assert.Equal(comment, CodeText.Comment(text));
    }

    [Fact]
    public void Text_that_needs_no_escaping_is_returned_as_it_is()
    {
        var text = new string(['销', '售', ' ', 'a', '"', '&']);
        var plain = text[..4];

        Assert.Same(plain, CodeText.Xml(plain));
        Assert.Same(text, CodeText.Comment(text));
    }
}
