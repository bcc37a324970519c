using H3Yun.Generators.Emitting;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// A child table: a list of generated rows that tracks its own changes, read and written as a whole under the
/// child schema code. It has no query handle, and a user's class cannot map it yet.
/// </summary>
internal sealed class ChildTableKind() : KindEmitter("", "", write: null, "")
{
    public override bool Mappable => false;

    public override void Members(SourceWriter w, RecordField f, RecordContext c)
    {
        var row = f.Spec.ChildTable!.ClassName;
        w.Line($"public global::System.Collections.Generic.IList<{row}> {f.Property} {{ get => {f.Backing}; set {{ {f.Backing}.ReplaceWith(value); OnFieldAssigned({f.IndexText}); }} }}");
        w.Line($"private readonly global::H3Yun.H3ChildTable<{row}> {f.Backing} = new();");
    }

    public override (string Type, string Arguments)? Handle(RecordField f, RecordContext c) => null;

    protected override void ReadTyped(SourceWriter w, RecordField f, RecordContext c) =>
        w.Line($"case {f.Code}: {Reader}ReadChildTable(value, fieldCode, {f.Backing}, static () => new {f.Spec.ChildTable!.ClassName}()); return {f.IndexText};");

    public override bool Writes(RecordField f, RecordContext c) => true;

    /// <summary>Written when assigned or when its rows changed, which <c>ShouldWriteTable</c> decides.</summary>
    public override void WriteLine(SourceWriter w, RecordField f, RecordContext c) =>
        w.Line($"if (ShouldWriteTable(writer, {f.IndexText}, {f.Backing})) writer.WriteChildTable({f.Name}, {f.Backing});");
}
