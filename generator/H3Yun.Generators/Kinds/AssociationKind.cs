using H3Yun.Generators.Emitting;
using H3Yun.Generators.Model;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// An association to one record or several: typed as <c>H3Ref&lt;TForm&gt;</c> when the associated form's schema is
/// in the project, else stored as the record id(s).
/// </summary>
internal sealed class AssociationKind(bool multiple, KindEmitter stored, string handle)
    : KindEmitter(stored.StoredType, stored.Read, stored.Write, handle)
{
    public override void Members(SourceWriter w, RecordField f, RecordContext c)
    {
        var type = PropertyType(f, c);
        Tracked(w, type, f.Property, f.IndexText, f.Backing, f.Backing, "value");
        Backing(w, f, type);
    }

    public override (string Type, string Arguments)? Handle(RecordField f, RecordContext c) =>
        !multiple && f.Spec.AssociationTarget is { } target
            ? ($"global::H3Yun.ReferenceField<{c.FormType}, {target.Qualified}>", f.Code)
            : base.Handle(f, c);

    protected override string PropertyType(RecordField f, RecordContext c) => f.Spec.AssociationTarget is { } target
        ? multiple ? $"{ListOf}global::H3Yun.H3Ref<{target.Qualified}>>?" : $"global::H3Yun.H3Ref<{target.Qualified}>?"
        : StoredType;

    protected override void ReadTyped(SourceWriter w, RecordField f, RecordContext c)
    {
        if (f.Spec.AssociationTarget is { } target)
        {
            w.Line($"case {f.Code}: {f.Backing} = {Reader}{(multiple ? "ReadReferences" : "ReadReference")}<{target.Qualified}>(value, fieldCode); return {f.IndexText};");
        }
        else
        {
            ReadStored(w, f);
        }
    }

    protected override string? WriteMethod(FieldSpec field) =>
        field.AssociationTarget is null ? Write : multiple ? "WriteReferences" : "WriteReference";
}
