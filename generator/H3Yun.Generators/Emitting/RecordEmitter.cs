using System.Collections.Generic;
using System.Linq;
using H3Yun.Generators.Kinds;
using H3Yun.Generators.Model;

namespace H3Yun.Generators.Emitting;

/// <summary>
/// The parts of a record class that generated forms, their rows and users' <c>[H3Form]</c> classes share: the
/// constructor, <c>FormInfo</c>, <c>ReadField</c> and <c>WriteFields</c>. Each field's lines come from its kind in
/// <see cref="FieldKinds"/>, so that they are written once for every kind of class.
/// </summary>
internal static class RecordEmitter
{
    public static void FormInfo(SourceWriter w, string formType, string displayName, IEnumerable<string> codes)
    {
        w.Line($"/// <summary>What the runtime needs to know about {CodeText.Xml(displayName)}, without reflection.</summary>");
        w.Line($"public static global::H3Yun.CompilerServices.H3FormInfo<{formType}> FormInfo {{ get; }} = new(SchemaCode, {CodeText.Literal(displayName)}, new string[] {{ {string.Join(", ", codes)} }}, static () => new {formType}());");
    }

    public static void Constructor(SourceWriter w, string className, int fieldCount, string summary, string? extraBaseArgument = null)
    {
        w.Line($"/// <summary>{summary}</summary>");
        w.Line($"public {className}() : base({fieldCount}{(extraBaseArgument is null ? string.Empty : ", " + extraBaseArgument)}) {{ }}");
    }

    public static void ReadField(SourceWriter w, IReadOnlyList<RecordField> fields, RecordContext context)
    {
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open("protected override int ReadField(string fieldCode, global::System.Text.Json.JsonElement value)");
        w.Open("switch (fieldCode)");
        foreach (var field in fields)
        {
            FieldKinds.For(field.Spec.Kind).ReadCases(w, field, context);
        }

        w.Line("default: return -1;");
        w.Close();
        w.Close();
    }

    public static void WriteFields(SourceWriter w, IReadOnlyList<RecordField> fields, RecordContext context)
    {
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open("protected override void WriteFields(global::H3Yun.CompilerServices.BizObjectWriter writer)");
        foreach (var field in fields)
        {
            FieldKinds.For(field.Spec.Kind).WriteLine(w, field, context);
        }

        w.Close();
        var written = fields.Where(field => FieldKinds.For(field.Spec.Kind).Writes(field, context)).ToArray();
        if (written.Length > 0)
        {
            // Encoded once per type rather than looked up on every write of every record.
            w.Line();
            foreach (var field in written)
            {
                w.Line("private static readonly global::H3Yun.CompilerServices.H3FieldName ", field.Name, " = new(", field.Code, ");");
            }
        }
    }

    /// <summary>The fields of a generated record: backing <c>_Property</c>, code <c>Fields.Property</c>, encoded name <c>__h3name_Property</c>.</summary>
    public static RecordField[] Generated(EquatableArray<FieldSpec> fields)
    {
        var result = new RecordField[fields.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var name = fields[i].PropertyName;
            result[i] = new RecordField(fields[i], i, "_" + name, "Fields." + name, RecordField.NameField(name));
        }

        return result;
    }

    /// <summary>The child tables' change tracking on top of the record's own.</summary>
    public static void ChildTableChanges(SourceWriter w, IReadOnlyList<RecordField> fields)
    {
        var tables = fields.Where(static f => f.Spec.ChildTable is not null).ToArray();
        if (tables.Length == 0)
        {
            return;
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool HasChanges => base.HasChanges || {string.Join(" || ", tables.Select(static t => t.Backing + ".HasChanges"))};");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open("public override void AcceptChanges()");
        w.Line("base.AcceptChanges();");
        foreach (var table in tables)
        {
            w.Line($"{table.Backing}.AcceptChanges();");
        }

        w.Close();
    }
}
