using System.Text;

namespace H3Yun.Generators.Emitting;

/// <summary>A small indented writer over a <see cref="StringBuilder"/>, with LF line endings on every platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new(16 * 1024);
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>One line from its parts, appended one by one: the per-field lines are most of the output, and need no string of their own.</summary>
    public SourceWriter Line(params string[] parts)
    {
        _builder.Append(' ', _indent * 4);
        foreach (var part in parts)
        {
            _builder.Append(part);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
