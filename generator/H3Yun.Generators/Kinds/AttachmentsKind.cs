using H3Yun.Generators.Emitting;

namespace H3Yun.Generators.Kinds;

/// <summary>Files or images: read-only, starting empty, because the OpenApi uploads attachments through endpoints of their own.</summary>
internal sealed class AttachmentsKind()
    : KindEmitter(ListOf + "global::H3Yun.H3Attachment>", "ReadAttachments(value, fieldCode)", write: null, "AttachmentField")
{
    public const string Empty = " = global::System.Array.Empty<global::H3Yun.H3Attachment>()";

    public override void Members(SourceWriter w, RecordField f, RecordContext c)
    {
        w.Line($"public {StoredType} {f.Property} => {f.Backing};");
        Backing(w, f, StoredType, Empty);
    }
}
