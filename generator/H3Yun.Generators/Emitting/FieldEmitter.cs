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
            case FieldKind.UnitList:
            case FieldKind.Association:
            case FieldKind.AssociationList:
                UnitMembers(w, field, index);
                return;
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
        if (IsUnitValue(field.Kind))
        {
            // H3Yun may answer these with display names plus a "<code>Object" companion carrying the ids; either order.
            w.Line($"case Fields.{p}: _{p}.Read(value, fieldCode); return {index};");
            if (!siblings.Any(f => f.Code == field.Code + "Object"))
            {
                w.Line($"case Fields.{p} + \"Object\": _{p}.ReadCompanion(value, fieldCode); return {index};");
            }

            return;
        }

        var read = field.Kind switch
        {
            FieldKind.ChildTable => $"{Reader}ReadChildTable(value, fieldCode, _{p}, static () => new {field.ChildTable!.ClassName}())",
            _ => $"_{p} = {FieldShapes.For(field.Kind, formType).ReadMethod}",
        };
        w.Line($"case Fields.{p}: {read}; return {index};");
    }

    public static void Write(SourceWriter w, FieldSpec field, int index, string formType)
    {
        var p = field.PropertyName;
        if (field.Kind == FieldKind.ChildTable)
        {
            w.Line($"if (ShouldWriteTable(writer, {index}, _{p})) writer.WriteChildTable(Fields.{p}, _{p});");
            return;
        }

        if (IsUnitValue(field.Kind))
        {
            if (!field.ReadOnly)
            {
                var method = field.Kind is FieldKind.Unit or FieldKind.Association ? "WriteUnit" : "WriteUnits";
                w.Line($"if (ShouldWrite(writer, {index})) writer.{method}(Fields.{p}, in _{p});");
            }

            return;
        }

        var write = FieldShapes.For(field.Kind, formType).WriteMethod;
        if (!field.ReadOnly && write is not null)
        {
            w.Line($"if (ShouldWrite(writer, {index})) writer.{write}(Fields.{p}, _{p});");
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

    /// <summary>People, departments and associations keep both what H3Yun stores (ids) and what it shows (names).</summary>
    public static bool IsUnitValue(FieldKind kind) =>
        kind is FieldKind.Unit or FieldKind.UnitList or FieldKind.Association or FieldKind.AssociationList;

    private static void UnitMembers(SourceWriter w, FieldSpec field, int index)
    {
        var p = field.PropertyName;
        var single = field.Kind is FieldKind.Unit or FieldKind.Association;
        var value = single ? "global::H3Yun.UnitValue" : "global::H3Yun.UnitListValue";
        switch (field.AssociationType)
        {
            case { } target when single:
                Tracked(w, $"global::H3Yun.H3Ref<{target}>?", p, index, $"_{p}", $"_{p}.ToReference<{target}>()", $"value?.ObjectId", assign: true);
                break;
            case { } target:
                Tracked(w, $"{ListOf}<global::H3Yun.H3Ref<{target}>>?", p, index, $"_{p}", $"_{p}.ToReferences<{target}>()", $"global::H3Yun.UnitListValue.IdsOf(value)", assign: true);
                break;
            default:
                Tracked(w, single ? "string?" : $"{ListOf}<string>?", p, index, $"_{p}", single ? $"_{p}.Id" : $"_{p}.Ids", "value", assign: true);
                break;
        }

        if (field.CompanionName is { } companion)
        {
            w.Line();
            w.Line(single
                ? $"/// <summary>The id and name of {CodeText.Xml(field.DisplayName)} as H3Yun reported them on the last read.</summary>"
                : $"/// <summary>The ids and names of {CodeText.Xml(field.DisplayName)} as H3Yun reported them on the last read.</summary>");
            w.Line(single
                ? $"public global::H3Yun.H3Unit? {companion} => _{p}.Unit;"
                : $"public {ListOf}<global::H3Yun.H3Unit>? {companion} => _{p}.Units;");
        }

        w.Line();
        w.Line($"private {value} _{p};");
    }

    private static string StoredType(FieldSpec field, string formType) => FieldShapes.For(field.Kind, formType).PropertyType;

    /// <summary>A property whose setter stores into <paramref name="backing"/> (or calls its <c>Assign</c>) and records the assignment.</summary>
    private static void Tracked(SourceWriter w, string type, string name, int index, string backing, string getter, string assignment, bool assign = false)
    {
        w.Open($"public {type} {name}");
        w.Line($"get => {getter};");
        w.Line(assign
            ? $"set {{ {backing}.Assign({assignment}); OnFieldAssigned({index}); }}"
            : $"set {{ {backing} = {assignment}; OnFieldAssigned({index}); }}");
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
