using H3Yun.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>
/// The schema file's JSON with the place of every token in UTF-16 characters, as Roslyn counts them, whatever the
/// UTF-8 width of the characters before it (1 to 4 bytes); and each syntax error where it is, without System.Text.Json's
/// own position text.
/// </summary>
public class JsonTreeTests
{
    // Characters of each UTF-8 width at the edges of their ranges, before and inside tokens.
    private const string Wide = "\u007F\u0080\u07FF\u0800\uFFFF😀";

    [Fact]
    public void Every_value_and_member_name_spans_exactly_its_token_after_characters_of_every_width()
    {
        var text = $$"""{ "{{Wide}}": "{{Wide}}", "Name": 12.5, "b": true, "c": false, "n": null, "a": [1, {}], "o": { "名": -3 } }""";

        var root = JsonTreeReader.Read(text, out var error);

        Assert.Null(error);
        Assert.NotNull(root);
        Assert.Equal(text, Slice(text, root.Span));
        Assert.Equal([$"\"{Wide}\"", "\"Name\"", "\"b\"", "\"c\"", "\"n\"", "\"a\"", "\"o\""], root.Members.Select(m => Slice(text, m.NameSpan)));
        Assert.Equal([$"\"{Wide}\"", "12.5", "true", "false", "null", "[1, {}]", "{ \"名\": -3 }"], root.Members.Select(m => Slice(text, m.Value.Span)));
        Assert.Equal(
            [(JsonKind.String, Wide), (JsonKind.Number, "12.5"), (JsonKind.Boolean, "true"), (JsonKind.Boolean, "false"), (JsonKind.Null, null), (JsonKind.Array, null), (JsonKind.Object, null)],
            root.Members.Select(m => (m.Value.Kind, m.Value.Text)));
        Assert.Equal(["1", "{}"], root.Member("a")!.Value.Items.Select(item => Slice(text, item.Span)));
        Assert.Equal("\"名\"", Slice(text, root.Member("o")!.Value.Members[0].NameSpan));
        Assert.Equal("-3", Slice(text, root.Member("o")!.Value.Members[0].Value.Span));
    }

    [Fact]
    public void Member_names_are_found_ignoring_case_and_the_formats_names_are_shared_strings()
    {
        var root = JsonTreeReader.Read("""{ "Name": "F1", "dataType": 14, "Na\u006de2": 1 }""", out _)!;

        Assert.Same("Name", root.Members[0].Name); // not a new string for each of the thousands of fields in a project
        Assert.Equal("F1", root.Member("NAME")!.Value.Text);
        Assert.Equal("14", root.Member("DataType")!.Value.Text);
        Assert.Equal("Name2", root.Members[2].Name); // an escaped name reads as its value
        Assert.Equal("\"Na\\u006de2\"", Slice("""{ "Name": "F1", "dataType": 14, "Na\u006de2": 1 }""", root.Members[2].NameSpan));
        Assert.Null(root.Member("Options"));
        Assert.Null(root.Member("Name")!.Value.Member("Name")); // a scalar has no members
    }

    [Theory]
    [InlineData("")]
    [InlineData("// a form, one day\n/* */ ")]
    public void A_file_without_a_value_is_one_error_of_no_width_at_its_end(string text)
    {
        Assert.Null(JsonTreeReader.Read(text, out var error));

        Assert.StartsWith("The input does not contain any JSON tokens. Expected the input to start with a valid JSON token", error!.Message, StringComparison.Ordinal);
        Assert.Equal(new TextSpan(text.Length, 0), error.Span);
    }

    [Fact]
    public void A_syntax_error_points_at_the_character_where_reading_failed_in_the_readers_words_without_its_position_text()
    {
        var text = $"{{ \"{Wide}\": tru }}";

        Assert.Null(JsonTreeReader.Read(text, out var error));

        Assert.Equal(1, error!.Span.Length);
        Assert.InRange(error.Span.Start, text.IndexOf("tru", StringComparison.Ordinal), text.IndexOf(" }", StringComparison.Ordinal));
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error.Message, StringComparison.Ordinal);
        Assert.False(error.Message.EndsWith('.') || error.Message.EndsWith(' '), error.Message);
        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void A_syntax_error_on_a_later_line_is_placed_on_that_line()
    {
        var text = "{\n  \"名\": 1,\n  \"b\": nul\n}";

        JsonTreeReader.Read(text, out var error);

        Assert.InRange(error!.Span.Start, text.IndexOf("nul", StringComparison.Ordinal), text.IndexOf("\n}", StringComparison.Ordinal));
        Assert.Equal(1, error.Span.Length);
    }

    [Fact]
    public void A_file_that_ends_inside_a_value_is_an_error_of_no_width_at_its_end()
    {
        var text = """{ "名": [1, 2""";

        Assert.Null(JsonTreeReader.Read(text, out var error));

        Assert.Equal(new TextSpan(text.Length, 0), error!.Span);
    }

    [Theory]
    [InlineData("{ \"名\": 1 }   x y ", "x y ")]
    [InlineData("{ \"名\": 1 }\n\n]", "]")]
    [InlineData("{ \"名\": 1 } 😀", "😀")]
    [InlineData("{ \"名\": 1 } { }", "{ }")]
    public void What_follows_the_object_is_an_error_from_its_first_character_to_the_end_and_the_object_is_still_read(string text, string rest)
    {
        var root = JsonTreeReader.Read(text, out var error);

        Assert.Equal("there is more after the end of the JSON object", error!.Message);
        Assert.Equal(rest, Slice(text, error.Span));
        Assert.Equal("1", root!.Member("名")!.Value.Text);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var root = JsonTreeReader.Read("// a form\n{ \"a\": [1, 2,], /* b */ \"b\": 2, }\n// end", out var error);

        Assert.Null(error);
        Assert.Equal(2, root!.Member("a")!.Value.Items.Count);
        Assert.Equal("2", root.Member("b")!.Value.Text);
    }

    private static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length);
}
