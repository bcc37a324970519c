using System.Text.Json;

namespace H3Yun;

/// <summary>
/// A row of a child table (子表). Its system fields are set by H3Yun and never written; the row's own fields are
/// declared by the generated subclass.
/// </summary>
public abstract class H3ChildRow : H3Record
{
    /// <summary>Creates an empty row.</summary>
    /// <param name="fieldCount">How many fields the child table declares.</param>
    protected H3ChildRow(int fieldCount)
        : base(0, fieldCount)
    {
    }

    /// <summary>The row's id, set by H3Yun.</summary>
    public string? ObjectId { get; private set; }

    /// <summary>The id of the record the row belongs to, set by H3Yun.</summary>
    public string? ParentObjectId { get; private set; }

    /// <summary>The row's title, set by H3Yun (often empty).</summary>
    public string? Name { get; private set; }

    private protected sealed override int? ReadSystemField(string name, JsonElement value)
    {
        switch (name)
        {
            case SystemFields.ObjectId: ObjectId = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.ParentObjectId: ParentObjectId = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.Name: Name = BizValueReader.ReadString(value, name); return -1;
            default: return null;
        }
    }

    private protected sealed override void WriteSystemFields(BizObjectWriter writer)
    {
        // A row's system fields belong to H3Yun.
    }
}
