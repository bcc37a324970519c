using System.Globalization;
using System.Text;

namespace H3Yun.Benchmarks;

/// <summary>
/// A large, deterministic project: <see cref="FormCount"/> forms of <see cref="FieldsPerForm"/> fields each, every
/// control type in turn, two child tables per form, associations between the forms.
/// </summary>
public static class SchemaCorpus
{
    public const int FormCount = 200;
    public const int FieldsPerForm = 60;
    public const int ChildTablesPerForm = 2;
    public const int FieldsPerChildTable = 6;

    // Main-table fields = 60 - 2 tables' own fields (each table counts as one field, its rows' fields too).
    private const int ScalarFields = FieldsPerForm - (ChildTablesPerForm * (1 + FieldsPerChildTable));

    private static readonly string[] Controls =
    [
        "\"DataType\": \"ShortString\"",
        "\"DataType\": \"String\"",
        "\"DataType\": \"ShortString\", \"Options\": [\"红\", \"绿\", \"蓝\"]",
        "\"DataType\": \"ShortString\", \"Options\": [\"周一\", \"周三\", \"周五\"], \"Multiple\": true",
        "\"DataType\": \"Double\"",
        "\"DataType\": \"Int\"",
        "\"DataType\": \"Long\"",
        "\"DataType\": \"DateTime\"",
        "\"DataType\": \"Bool\"",
        "\"DataType\": \"Unit\"",
        "\"DataType\": \"UnitArray\"",
        "\"DataType\": \"Association\", \"AssociationSchemaCode\": \"{0}\"",
        "\"DataType\": \"Association\", \"Multiple\": true, \"AssociationSchemaCode\": \"{0}\"",
        "\"DataType\": \"Address\"",
        "\"DataType\": \"Map\"",
        "\"DataType\": \"File\"",
        "\"DataType\": \"Image\"",
        "\"DataType\": \"Double\", \"Formula\": true",
    ];

    /// <summary>The files as (path, text), in a stable order.</summary>
    public static IReadOnlyList<(string Path, string Text)> Create()
    {
        var files = new List<(string, string)>(FormCount);
        for (var form = 0; form < FormCount; form++)
        {
            files.Add(($"schemas/Form{form:000}.h3form.json", Form(form)));
        }

        return files;
    }

    private static string Form(int form)
    {
        var code = SchemaCode(form);
        var other = SchemaCode((form + 1) % FormCount);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{{ \"SchemaCode\": \"{code}\", \"DisplayName\": \"表单 {form}\", \"Properties\": [\n");
        var field = 1;
        for (var i = 0; i < ScalarFields; i++, field++)
        {
            Field(text, field, $"字段 {field} 名称", Controls[i % Controls.Length].Replace("{0}", other, StringComparison.Ordinal));
            text.Append(",\n");
        }

        for (var table = 0; table < ChildTablesPerForm; table++)
        {
            var tableCode = $"{code}T{table}";
            text.Append(CultureInfo.InvariantCulture, $"  {{ \"Name\": \"{tableCode}\", \"DisplayName\": \"明细 {table}\", \"DataType\": \"BizObjectArray\", \"ChildSchema\": {{ \"SchemaCode\": \"{tableCode}\", \"Properties\": [\n");
            for (var i = 0; i < FieldsPerChildTable; i++, field++)
            {
                text.Append("  ");
                Field(text, field, $"明细字段 {field}", Controls[(i * 3) % Controls.Length].Replace("{0}", other, StringComparison.Ordinal));
                text.Append(i + 1 < FieldsPerChildTable ? ",\n" : "\n");
            }

            text.Append(table + 1 < ChildTablesPerForm ? "  ] } },\n" : "  ] } }\n");
        }

        return text.Append("] }\n").ToString();
    }

    private static void Field(StringBuilder text, int field, string displayName, string control) =>
        text.Append(CultureInfo.InvariantCulture, $"  {{ \"Name\": \"F{field:0000000}\", \"DisplayName\": \"{displayName}\", {control} }}");

    private static string SchemaCode(int form) => $"D000024Form{form:000}";
}
