using System.Text.Json;

namespace H3Yun;

/// <summary>
/// A row of a child table (子表). Its system fields are set by H3Yun; the row's own fields are declared by the
/// generated subclass. A row read from H3Yun keeps its <see cref="ObjectId"/> and every member H3Yun sent, also those
/// the schema does not list, and sends them back when the table is written, so that rows keep their identity (and
/// what hangs on it, such as their attachments) and no value the schema does not know is lost.
/// </summary>
public abstract class H3ChildRow : H3Record
{
    private List<KeyValuePair<string, JsonElement>>? _unknownMembers;

    /// <summary>Creates an empty row.</summary>
    /// <param name="fieldCount">How many fields the child table declares.</param>
    /// <param name="childSchemaCode">The child table's schema code, which uploads to the row's attachment fields name.</param>
    protected H3ChildRow(int fieldCount, string? childSchemaCode = null)
        : base(0, fieldCount)
    {
        ChildSchemaCode = childSchemaCode;
    }

    /// <summary>The child table's schema code, when the generated row class says it.</summary>
    public string? ChildSchemaCode { get; }

    /// <summary>The row's id, set by H3Yun.</summary>
    public string? ObjectId { get; private set; }

    /// <summary>The id of the record the row belongs to, set by H3Yun.</summary>
    public string? ParentObjectId { get; private set; }

    /// <summary>The row's title, set by H3Yun (often empty).</summary>
    public string? Name { get; private set; }

    /// <summary>The members H3Yun sent that the schema does not list, as received.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> UnknownMembers => (IReadOnlyList<KeyValuePair<string, JsonElement>>?)_unknownMembers ?? [];

    private protected sealed override int? ReadSystemField(string name, JsonElement value)
    {
        switch (name)
        {
            case SystemFields.ObjectId: ObjectId = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.ParentObjectId: ParentObjectId = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.Name: Name = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.ParentPropertyName or SystemFields.ParentIndex: return -1;
            default: return null;
        }
    }

    private protected sealed override void WriteSystemFields(BizObjectWriter writer)
    {
        // The id says "this row, again"; a row copied from another record, or any row of a new record, is a new row.
        if (writer.Purpose == WritePurpose.Update && !string.IsNullOrEmpty(ObjectId)
            && (ParentObjectId is null || string.Equals(ParentObjectId, writer.RecordObjectId, StringComparison.Ordinal)))
        {
            writer.WriteString(SystemFields.ObjectId, ObjectId);
        }
    }

    private protected sealed override void ReadUnknownMember(string name, JsonElement value) =>
        (_unknownMembers ??= []).Add(new(name, Utf8Text.Kept(value)));

    private protected sealed override void WriteUnknownMembers(BizObjectWriter writer)
    {
        if (_unknownMembers is { } members)
        {
            UnknownMemberWriter.WriteBack(writer, members);
        }
    }
}
