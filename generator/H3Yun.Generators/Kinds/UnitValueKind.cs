using System.Linq;
using H3Yun.Generators.Emitting;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// What people, departments and associations share: the backing field is a runtime <c>UnitValue</c> (or
/// <c>UnitListValue</c>) that keeps what H3Yun stores (the ids) apart from what it shows (display names, read from
/// the value, an <c>{ObjectId, Name}</c> object or the <c>&lt;code&gt;Object</c> companion, in either order), so that a
/// row written back carries ids, never names. Generated and mapped classes read and write it the same way.
/// </summary>
internal abstract class UnitValueKind(bool multiple, KindEmitter stored, string handle)
    : KindEmitter(stored.StoredType, stored.Read, multiple ? "WriteUnits" : "WriteUnit", handle)
{
    protected bool Multiple { get; } = multiple;

    public override string BackingType => Multiple ? "global::H3Yun.CompilerServices.UnitListValue" : "global::H3Yun.CompilerServices.UnitValue";

    public override (string Getter, string Setter) MappedAccessors(string backing) =>
        (backing + (Multiple ? ".Ids" : ".Id"), $"{backing}.Assign(value)");

    public override void ReadCases(SourceWriter w, RecordField f, RecordContext c)
    {
        w.Line("case ", f.Code, ": ", f.Backing, ".Read(value, fieldCode); return ", f.IndexText, ";");
        var companionCode = f.Spec.Code + Model.SystemFields.CompanionSuffix;
        if (!c.Fields.Any(sibling => sibling.Code == companionCode))
        {
            w.Line("case ", f.Code, " + \"", Model.SystemFields.CompanionSuffix, "\": ", f.Backing, ".ReadCompanion(value, fieldCode); return ", f.IndexText, ";");
        }
    }

    public override bool Writes(RecordField f, RecordContext c) => !f.Spec.ReadOnly;

    public override void WriteLine(SourceWriter w, RecordField f, RecordContext c)
    {
        if (Writes(f, c))
        {
            w.Line("if (ShouldWrite(writer, ", f.IndexText, ")) writer.", Write!, "(", f.Name, ", in ", f.Backing, ");");
        }
    }

    /// <summary>A property over the backing value: <paramref name="getter"/> reads it, the setter assigns the id(s) given.</summary>
    protected static void Over(SourceWriter w, string type, RecordField f, string getter, string ids) =>
        w.Line("public ", type, " ", f.Property, " { get => ", getter, "; set { ", f.Backing, ".Assign(", ids, "); OnFieldAssigned(", f.IndexText, "); } }");
}
