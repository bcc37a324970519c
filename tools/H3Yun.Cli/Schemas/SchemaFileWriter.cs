using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Cli.Schemas;

/// <summary>
/// Writes a schema file the same way every time, so that a pull changes only the lines of what changed: two-space
/// indents, LF, a final newline, Chinese as it is, one field per line (a child table's field over several, since it
/// holds the child's fields), members in the order the merge gave them.
/// </summary>
internal static class SchemaFileWriter
{
    private static readonly JsonSerializerOptions Scalars = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonObject form)
    {
        var text = new StringBuilder();
        WriteExpanded(text, form, indent: 0);
        text.Append('\n');
        return text.ToString();
    }

    private static void WriteExpanded(StringBuilder text, JsonObject node, int indent)
    {
        text.Append("{\n");
        var i = 0;
        foreach (var (name, value) in node)
        {
            Indent(text, indent + 1);
            text.Append(Quote(name)).Append(": ");
            if (value is JsonArray array && string.Equals(name, "Properties", StringComparison.OrdinalIgnoreCase))
            {
                WriteFieldList(text, array, indent + 1);
            }
            else
            {
                WriteValue(text, value, indent + 1);
            }

            text.Append(++i < node.Count ? ",\n" : "\n");
        }

        Indent(text, indent);
        text.Append('}');
    }

    private static void WriteFieldList(StringBuilder text, JsonArray fields, int indent)
    {
        if (fields.Count == 0)
        {
            text.Append("[]");
            return;
        }

        text.Append("[\n");
        for (var i = 0; i < fields.Count; i++)
        {
            Indent(text, indent + 1);
            WriteValue(text, fields[i], indent + 1);
            text.Append(i + 1 < fields.Count ? ",\n" : "\n");
        }

        Indent(text, indent);
        text.Append(']');
    }

    /// <summary>An object that holds objects (a child table's field, a form) is expanded; anything else is one line.</summary>
    private static void WriteValue(StringBuilder text, JsonNode? value, int indent)
    {
        if (value is JsonObject obj && obj.Any(member => member.Value is JsonObject || (member.Value is JsonArray items && items.Any(item => item is JsonObject))))
        {
            WriteExpanded(text, obj, indent);
        }
        else
        {
            WriteInline(text, value);
        }
    }

    private static void WriteInline(StringBuilder text, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    text.Append("{}");
                    break;
                }

                text.Append("{ ");
                text.AppendJoin(", ", obj.Select(member =>
                {
                    var part = new StringBuilder(Quote(member.Key)).Append(": ");
                    WriteInline(part, member.Value);
                    return part.ToString();
                }));
                text.Append(" }");
                break;
            case JsonArray array:
                text.Append('[');
                text.AppendJoin(", ", array.Select(item =>
                {
                    var part = new StringBuilder();
                    WriteInline(part, item);
                    return part.ToString();
                }));
                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(value.ToJsonString(Scalars));
                break;
        }
    }

    private static string Quote(string name) => JsonSerializer.Serialize(name, Scalars);

    private static void Indent(StringBuilder text, int level) => text.Append(' ', level * 2);
}
