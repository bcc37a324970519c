using System.Net;
using System.Text;

namespace H3Yun.Emulator.WebPage;

/// <summary>Builds an HTML document; every piece of text goes through <see cref="Text"/>, which encodes it.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    /// <summary>Markup written as-is: only ever literals of this project's own code.</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        _html.Append(WebUtility.HtmlEncode(text ?? string.Empty));
        return this;
    }

    /// <summary>An element holding text, e.g. <c>Element("td", value)</c>.</summary>
    public HtmlWriter Element(string tag, string? text, string? attributes = null)
    {
        _html.Append('<').Append(tag);
        if (attributes is not null)
        {
            _html.Append(' ').Append(attributes);
        }

        _html.Append('>');
        Text(text);
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An attribute value, encoded.</summary>
    public static string Attribute(string name, string? value) => $"{name}=\"{WebUtility.HtmlEncode(value ?? string.Empty)}\"";

    public override string ToString() => _html.ToString();
}
