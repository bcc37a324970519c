using H3Yun.Generators.Emitting;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// An association to one record or several: typed as <c>H3Ref&lt;TForm&gt;</c> when the associated form's schema is
/// in the project, else the record id(s); either way the value keeps the ids H3Yun stores.
/// </summary>
internal sealed class AssociationKind(bool multiple, KindEmitter stored, string handle) : UnitValueKind(multiple, stored, handle)
{
    public override void Members(SourceWriter w, RecordField f, RecordContext c)
    {
        switch (f.Spec.AssociationTarget)
        {
            case { } target when Multiple:
                Over(w, $"{ListOf}global::H3Yun.H3Ref<{target.Qualified}>>?", f, $"{f.Backing}.ToReferences<{target.Qualified}>()", "global::H3Yun.CompilerServices.UnitListValue.IdsOf(value)");
                break;
            case { } target:
                Over(w, $"global::H3Yun.H3Ref<{target.Qualified}>?", f, $"{f.Backing}.ToReference<{target.Qualified}>()", "value?.ObjectId");
                break;
            default:
                Over(w, StoredType, f, f.Backing + (Multiple ? ".Ids" : ".Id"), "value");
                break;
        }

        Backing(w, f, BackingType);
    }

    public override (string Type, string Arguments)? Handle(RecordField f, RecordContext c) =>
        !Multiple && f.Spec.AssociationTarget is { } target
            ? ($"global::H3Yun.ReferenceField<{c.FormType}, {target.Qualified}>", f.Code)
            : base.Handle(f, c);
}
