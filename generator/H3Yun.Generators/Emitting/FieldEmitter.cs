using System.Linq;
using H3Yun.Generators.Model;

namespace H3Yun.Generators.Emitting;

/// <summary>
/// Emits what one field contributes to its record class: the property (and, for some kinds, a companion), the
/// cases that read it, the line that writes it, its filter handle, and its option enum.
/// </summary>
internal static class FieldEmitter
{
    private const string Reader = "global::H3Yun.BizValueReader.";
    private const string ListOf = "global::System.Collections.Generic.IReadOnlyList";

    public static void Members(SourceWriter w, FieldSpec field, int index, string formType)
    {
        var p = field.PropertyName;
        Doc(w, field);
        switch (field.Kind)
        {
            case FieldKind.ChildTable:
                var row = field.ChildTable!.ClassName;
                w.Open($"public global::System.Collections.Generic.IList<{row}> {p}");
                w.Line($"get => _{p};");
                w.Line($"set {{ _{p}.ReplaceWith(value); OnFieldAssigned({index}); }}");
                w.Close();
                w.Line();
                w.Line($"private readonly global::H3Yun.H3ChildTable<{row}> _{p} = new();");
                return;
            case FieldKind.Option:
                Tracked(w, $"{field.EnumTypeName}?", p, index, $"_{p}", $"Options.{p}FromText(_{p})", $"value is {{ }} option ? Options.{p}ToText(option) : null");
                w.Line();
                w.Line($"/// <summary>The option text of {CodeText.Xml(field.DisplayName)} as H3Yun stores it, including texts the schema does not list.</summary>");
                Tracked(w, "string?", field.CompanionName!, index, $"_{p}", $"_{p}", "value");
                break;
            case FieldKind.OptionList:
                Tracked(w, $"{ListOf}<{field.EnumTypeName}>?", p, index, $"_{p}", $"global::H3Yun.OptionTexts.Known<{field.EnumTypeName}>(_{p}, Options.{p}FromText)", $"value is null ? null : global::H3Yun.OptionTexts.ToTexts(value, Options.{p}ToText)");
                w.Line();
                w.Line($"/// <summary>The option texts of {CodeText.Xml(field.DisplayName)} as H3Yun stores them, including texts the schema does not list.</summary>");
                Tracked(w, $"{ListOf}<string>?", field.CompanionName!, index, $"_{p}", $"_{p}", "value");
                break;
            case FieldKind.Unit:
                Tracked(w, "string?", p, index, $"_{p}", $"_{p}", "value");
                w.Line();
                w.Line($"/// <summary>The id and name of {CodeText.Xml(field.DisplayName)} as H3Yun reported them on a read.</summary>");
                w.Line($"public global::H3Yun.H3Unit? {field.CompanionName} {{ get; private set; }}");
                break;
            case FieldKind.UnitList:
                Tracked(w, $"{ListOf}<string>?", p, index, $"_{p}", $"_{p}", "value");
                w.Line();
                w.Line($"/// <summary>The ids and names of {CodeText.Xml(field.DisplayName)} as H3Yun reported them on a read.</summary>");
                w.Line($"public {ListOf}<global::H3Yun.H3Unit>? {field.CompanionName} {{ get; private set; }}");
                break;
            default:
                if (field.ReadOnly)
                {
                    w.Line($"public {StoredType(field, formType)} {p} => _{p};");
                }
                else
                {
                    Tracked(w, StoredType(field, formType), p, index, $"_{p}", $"_{p}", "value");
                }

                break;
        }

        w.Line();
        var initializer = field.Kind == FieldKind.Attachments ? " = global::System.Array.Empty<global::H3Yun.H3Attachment>()" : string.Empty;
        w.Line($"private {StoredType(field, formType)} _{p}{initializer};");
    }

    public static void ReadCases(SourceWriter w, FieldSpec field, int index, string formType, EquatableArray<FieldSpec> siblings)
    {
        var p = field.PropertyName;
        var read = field.Kind switch
        {
            FieldKind.ChildTable => $"{Reader}ReadChildTable(value, fieldCode, _{p}, static () => new {field.ChildTable!.ClassName}())",
            FieldKind.Unit => $"_{p} = {Reader}ReadUnitValue(value, fieldCode, out var unit{index}); if (unit{index} is not null) {field.CompanionName} = unit{index}",
            FieldKind.UnitList => $"_{p} = {Reader}ReadUnitListValue(value, fieldCode, out var units{index}); if (units{index} is not null) {field.CompanionName} = units{index}",
            FieldKind.Association when field.AssociationType is { } target => $"_{p} = {Reader}ReadReference<{target}>(value, fieldCode)",
            FieldKind.AssociationList when field.AssociationType is { } target => $"_{p} = {Reader}ReadReferences<{target}>(value, fieldCode)",
            _ => $"_{p} = {FieldShapes.For(field.Kind, formType).ReadMethod}",
        };
        w.Line($"case Fields.{p}: {read}; return {index};");
        if (field.Kind is FieldKind.Unit or FieldKind.UnitList && !siblings.Any(f => f.Code == field.Code + "Object"))
        {
            // H3Yun reports people as display names plus a "<code>Object" companion carrying the ids.
            var companion = field.Kind == FieldKind.Unit ? "ReadUnit" : "ReadUnits";
            w.Line($"case Fields.{p} + \"Object\": {field.CompanionName} = {Reader}{companion}(value, fieldCode); return {index};");
        }
    }

    public static void Write(SourceWriter w, FieldSpec field, int index, string formType)
    {
        var p = field.PropertyName;
        if (field.Kind == FieldKind.ChildTable)
        {
            w.Line($"if (ShouldWriteTable(writer, {index}, _{p})) writer.WriteChildTable(Fields.{p}, _{p});");
            return;
        }

        var method = field.Kind switch
        {
            FieldKind.Association when field.AssociationType is not null => "WriteReference",
            FieldKind.AssociationList when field.AssociationType is not null => "WriteReferences",
            _ => FieldShapes.For(field.Kind, formType).WriteMethod,
        };
        if (!field.ReadOnly && method is not null)
        {
            w.Line($"if (ShouldWrite(writer, {index})) writer.{method}(Fields.{p}, _{p});");
        }
    }

    public static string? Handle(FieldSpec field, string formType) => field.Kind switch
    {
        FieldKind.ChildTable => null,
        FieldKind.Option or FieldKind.OptionList => $"global::H3Yun.OptionField<{formType}, {formType}.{field.EnumTypeName}>",
        FieldKind.Association when field.AssociationType is { } target => $"global::H3Yun.ReferenceField<{formType}, {target}>",
        _ => FieldShapes.For(field.Kind, formType).HandleType,
    };

    public static string HandleArguments(FieldSpec field) =>
        field.Kind is FieldKind.Option or FieldKind.OptionList ? $"Fields.{field.PropertyName}, Options.{field.PropertyName}ToText" : $"Fields.{field.PropertyName}";

    public static void OptionEnum(SourceWriter w, FieldSpec field)
    {
        w.Line();
        w.Line($"/// <summary>The options of {CodeText.Xml(field.DisplayName)} (<c>{CodeText.Xml(field.Code)}</c>); H3Yun stores each as its text.</summary>");
        w.Open($"public enum {field.EnumTypeName}");
        for (var i = 0; i < field.Options.Count; i++)
        {
            w.Line($"/// <summary>{CodeText.Xml(field.Options[i])}</summary>");
            w.Line($"{field.EnumMembers[i]},");
        }

        w.Close();
    }

    public static void OptionMaps(SourceWriter w, FieldSpec field)
    {
        var e = field.EnumTypeName;
        var pairs = field.Options.Zip(field.EnumMembers, static (text, member) => (Text: CodeText.Literal(text), Member: member)).ToArray();
        w.Line($"/// <summary>The text H3Yun stores for a {CodeText.Xml(field.DisplayName)} option.</summary>");
        w.Open($"public static string {field.PropertyName}ToText({e} option) => option switch");
        foreach (var (text, member) in pairs)
        {
            w.Line($"{e}.{member} => {text},");
        }

        w.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(option), option, {CodeText.Literal($"Not an option of {field.DisplayName} ({field.Code}).")}),");
        w.Close(";");
        w.Line();
        w.Line($"/// <summary>The {CodeText.Xml(field.DisplayName)} option stored as <paramref name=\"text\"/>, or null for a text the schema does not list.</summary>");
        w.Open($"public static {e}? {field.PropertyName}FromText(string? text) => text switch");
        foreach (var (text, member) in pairs)
        {
            w.Line($"{text} => {e}.{member},");
        }

        w.Line("_ => null,");
        w.Close(";");
    }

    private static string StoredType(FieldSpec field, string formType) => field.Kind switch
    {
        FieldKind.Association when field.AssociationType is { } target => $"global::H3Yun.H3Ref<{target}>?",
        FieldKind.AssociationList when field.AssociationType is { } target => $"{ListOf}<global::H3Yun.H3Ref<{target}>>?",
        _ => FieldShapes.For(field.Kind, formType).PropertyType,
    };

    /// <summary>A property whose setter stores into <paramref name="backing"/> and records the assignment.</summary>
    private static void Tracked(SourceWriter w, string type, string name, int index, string backing, string getter, string assignment)
    {
        w.Open($"public {type} {name}");
        w.Line($"get => {getter};");
        w.Line($"set {{ {backing} = {assignment}; OnFieldAssigned({index}); }}");
        w.Close();
    }

    private static void Doc(SourceWriter w, FieldSpec field)
    {
        w.Line($"/// <summary>{CodeText.Xml(field.DisplayName)} (<c>{CodeText.Xml(field.Code)}</c>, {CodeText.Xml(field.DataType)}).</summary>");
        if (field.Options.Count > 0)
        {
            w.Line($"/// <remarks>Options: {CodeText.Xml(string.Join(", ", field.Options))}.</remarks>");
        }
    }
}
