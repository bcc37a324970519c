using H3Yun.Generators.Emitting;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// A person or department field (one, or several): the property holds the id(s), and a read-only
/// <c>Object</c>/<c>Objects</c> companion the ids and names H3Yun reported.
/// </summary>
internal sealed class UnitKind(bool multiple, KindEmitter stored, string handle) : UnitValueKind(multiple, stored, handle)
{
    public override void Members(SourceWriter w, RecordField f, RecordContext c)
    {
        Over(w, StoredType, f, f.Backing + (Multiple ? ".Ids" : ".Id"), "value");
        var display = CodeText.Xml(f.Spec.DisplayName);
        w.Line(Multiple
            ? $"/// <summary>The ids and names of {display} as H3Yun reported them on the last read.</summary>"
            : $"/// <summary>The id and name of {display} as H3Yun reported them on the last read.</summary>");
        w.Line(Multiple
            ? $"public {ListOf}global::H3Yun.H3Unit>? {f.Spec.CompanionName} => {f.Backing}.Units;"
            : $"public global::H3Yun.H3Unit? {f.Spec.CompanionName} => {f.Backing}.Unit;");
        Backing(w, f, BackingType);
    }
}
