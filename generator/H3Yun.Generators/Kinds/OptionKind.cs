using System.Linq;
using H3Yun.Generators.Emitting;
using H3Yun.Generators.Model;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// A radio, dropdown (one text) or checkbox (several) field with Options: stored as its text(s), offered as a
/// generated enum, with a <c>Text</c>/<c>Texts</c> companion that keeps texts the schema does not list.
/// </summary>
internal sealed class OptionKind(bool multiple, KindEmitter stored)
    : KindEmitter(stored.StoredType, stored.Read, stored.Write, "OptionField")
{
    public override void Members(SourceWriter w, RecordField f, RecordContext c)
    {
        var field = f.Spec;
        var p = f.Property;
        if (multiple)
        {
            Tracked(w, $"{ListOf}{field.EnumTypeName}>?", p, f.IndexText, f.Backing, $"global::H3Yun.CompilerServices.OptionTexts.Known<{field.EnumTypeName}>({f.Backing}, Options.{p}FromText)", $"value is null ? null : global::H3Yun.CompilerServices.OptionTexts.ToTexts(value, Options.{p}ToText)");
            w.Line($"/// <summary>The option texts of {CodeText.Xml(field.DisplayName)} as H3Yun stores them, including texts the schema does not list.</summary>");
        }
        else
        {
            Tracked(w, $"{field.EnumTypeName}?", p, f.IndexText, f.Backing, $"Options.{p}FromText({f.Backing})", $"value is {{ }} option ? Options.{p}ToText(option) : null");
            w.Line($"/// <summary>The option text of {CodeText.Xml(field.DisplayName)} as H3Yun stores it, including texts the schema does not list.</summary>");
        }

        Tracked(w, StoredType, field.CompanionName!, f.IndexText, f.Backing, f.Backing, "value");
        Backing(w, f, StoredType);
    }

    public override (string Type, string Arguments)? Handle(RecordField f, RecordContext c) =>
        ($"global::H3Yun.OptionField<{c.FormType}, {c.FormType}.{f.Spec.EnumTypeName}>", $"{f.Code}, Options.{f.Property}ToText");

    /// <summary>The field's enum, one member per option text.</summary>
    public static void Enum(SourceWriter w, FieldSpec field)
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

    /// <summary>The two maps between the enum and the stored texts, members of the record's <c>Options</c> class.</summary>
    public static void Maps(SourceWriter w, FieldSpec field)
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
}
