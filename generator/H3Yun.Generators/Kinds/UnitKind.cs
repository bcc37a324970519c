using System.Linq;
using H3Yun.Generators.Emitting;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// A person or department field (one, or several): stored and written as the id(s), with a read-only
/// <c>Object</c>/<c>Objects</c> companion holding the id and name H3Yun reported, from the value itself or from
/// the <c>&lt;code&gt;Object</c> member H3Yun adds beside it.
/// </summary>
internal sealed class UnitKind(bool multiple, KindEmitter stored, string handle)
    : KindEmitter(stored.StoredType, stored.Read, stored.Write, handle)
{
    public override void Members(SourceWriter w, RecordField f, RecordContext c)
    {
        Tracked(w, StoredType, f.Property, f.IndexText, f.Backing, f.Backing, "value");
        var display = CodeText.Xml(f.Spec.DisplayName);
        w.Line(multiple
            ? $"/// <summary>The ids and names of {display} as H3Yun reported them on a read.</summary>"
            : $"/// <summary>The id and name of {display} as H3Yun reported them on a read.</summary>");
        w.Line(multiple
            ? $"public {ListOf}global::H3Yun.H3Unit>? {f.Spec.CompanionName} {{ get; private set; }}"
            : $"public global::H3Yun.H3Unit? {f.Spec.CompanionName} {{ get; private set; }}");
        Backing(w, f, StoredType);
    }

    protected override void ReadTyped(SourceWriter w, RecordField f, RecordContext c)
    {
        var companion = f.Spec.CompanionName;
        var local = (multiple ? "units" : "unit") + f.IndexText;
        var read = multiple ? "ReadUnitListValue" : "ReadUnitValue";
        w.Line($"case {f.Code}: {f.Backing} = {Reader}{read}(value, fieldCode, out var {local}); if ({local} is not null) {companion} = {local}; return {f.IndexText};");
        var companionCode = f.Spec.Code + Model.SystemFields.CompanionSuffix;
        if (!c.Fields.Any(sibling => sibling.Code == companionCode))
        {
            // H3Yun reports people as display names plus a "<code>Object" member carrying the ids.
            w.Line($"case {f.Code} + \"{Model.SystemFields.CompanionSuffix}\": {companion} = {Reader}{(multiple ? "ReadUnits" : "ReadUnit")}(value, fieldCode); return {f.IndexText};");
        }
    }
}
