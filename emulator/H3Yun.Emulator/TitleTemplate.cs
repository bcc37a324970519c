using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Schemas;

namespace H3Yun.Emulator;

/// <summary>
/// A form's title (数据标题) template: H3Yun fills each record's <c>Name</c> from the form's title setting (its
/// NameSchema, e.g. <c>{pname}</c>, docs/protocol.md#system-fields). Placeholders are field codes, <c>{CreatedBy}</c> and <c>{FormName}</c>.
/// </summary>
public sealed class TitleTemplate
{
    /// <summary>
    /// The template strict mode uses for a form without one: the creator's name, 的, and the form's name
    /// (e.g. <c>管理员的销售订单</c>). H3Yun's own default is not documented; this is the emulator's choice.
    /// </summary>
    public const string Default = "{CreatedBy}的{FormName}";

    private readonly IReadOnlyList<(bool IsField, string Text)> _parts;

    private TitleTemplate(IReadOnlyList<(bool IsField, string Text)> parts) => _parts = parts;

    /// <summary>Parses a template.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="schemaCode">The form it is for, named in errors.</param>
    /// <returns>The template.</returns>
    /// <exception cref="ArgumentException">A brace is not closed, or a placeholder is empty.</exception>
    public static TitleTemplate Parse(string template, string schemaCode)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parts = new List<(bool, string)>();
        var text = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0 || end == i + 1)
                {
                    throw new ArgumentException($"The title template of {schemaCode} has an unclosed or empty placeholder at {i}: '{template}'. Write {{{{ for a brace.", nameof(template));
                }

                if (text.Length > 0)
                {
                    parts.Add((false, text.ToString()));
                    text.Clear();
                }

                parts.Add((true, template[(i + 1)..end].Trim()));
                i = end;
                continue;
            }

            if (c == '}')
            {
                throw new ArgumentException($"The title template of {schemaCode} has a '}}' without its '{{' at {i}: '{template}'. Write }}}} for a brace.", nameof(template));
            }

            text.Append(c);
        }

        if (text.Length > 0)
        {
            parts.Add((false, text.ToString()));
        }

        return new TitleTemplate(parts);
    }

    internal string Render(JsonObject record, FormSchema? form)
    {
        var title = new StringBuilder();
        foreach (var (isField, text) in _parts)
        {
            if (!isField)
            {
                title.Append(text);
                continue;
            }

            title.Append(text switch
            {
                "FormName" => form?.DisplayName ?? form?.SchemaCode ?? string.Empty,
                _ => ValueText(record[text], IsPeople(text, form)),
            });
        }

        return title.ToString();
    }

    private static bool IsPeople(string code, FormSchema? form) =>
        SystemFieldCodes.IsPeople(code) || form?.Find(code)?.DataType is BizDataType.Unit or BizDataType.UnitArray;

    private static string ValueText(JsonNode? value, bool people) => value switch
    {
        null => string.Empty,
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => people ? Names(scalar.GetValue<string>()) : scalar.GetValue<string>(),
        JsonArray array => string.Join(";", array.Select(item => ValueText(item, people))),
        _ => value.ToJsonString(),
    };

    private static string Names(string ids) =>
        string.Join(";", ids.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(EmulatorOrganization.DisplayNameOf));
}
