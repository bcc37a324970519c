using System.Text.Json;

namespace H3Yun;

/// <summary>
/// A record of an H3Yun form: the system fields every form has, plus the form's own fields that the generated
/// subclass declares. Fields the server owns (ObjectId, CreatedTime, ModifiedBy, ModifiedTime, WorkflowInstanceId,
/// Status, SeqNo) are read-only and never written.
/// </summary>
public abstract class H3BizObject : H3Record
{
    private const int NameIndex = 0;
    private const int CreatedByIndex = 1;
    private const int OwnerIdIndex = 2;
    private const int OwnerDeptIdIndex = 3;
    private const int WritableSystemFieldCount = 4;

    private string? _name;
    private string? _createdBy;
    private string? _ownerId;
    private string? _ownerDeptId;

    /// <summary>Creates an empty record.</summary>
    /// <param name="fieldCount">How many fields the form declares itself.</param>
    protected H3BizObject(int fieldCount)
        : base(WritableSystemFieldCount, fieldCount)
    {
    }

    /// <summary>The record's id (数据Id, <c>ObjectId</c>), set by H3Yun when the record is created.</summary>
    public string? ObjectId { get; internal set; }

    /// <summary>The record's title (数据标题, <c>Name</c>).</summary>
    public string? Name
    {
        get => _name;
        set => Assign(ref _name, value, NameIndex);
    }

    /// <summary>
    /// The creator (创建人, <c>CreatedBy</c>). H3Yun answers with the person's display name; write a user id.
    /// The id of a loaded record is in <see cref="CreatedByObject"/>.
    /// </summary>
    public string? CreatedBy
    {
        get => _createdBy;
        set => Assign(ref _createdBy, value, CreatedByIndex);
    }

    /// <summary>The creator's id and name as H3Yun reported them (<c>CreatedByObject</c>).</summary>
    public H3Unit? CreatedByObject { get; private set; }

    /// <summary>
    /// The owner (拥有者, <c>OwnerId</c>). H3Yun answers with the person's display name; write a user id.
    /// The id of a loaded record is in <see cref="OwnerIdObject"/>.
    /// </summary>
    public string? OwnerId
    {
        get => _ownerId;
        set => Assign(ref _ownerId, value, OwnerIdIndex);
    }

    /// <summary>The owner's id and name as H3Yun reported them (<c>OwnerIdObject</c>).</summary>
    public H3Unit? OwnerIdObject { get; private set; }

    /// <summary>
    /// The owning department (所属部门, <c>OwnerDeptId</c>). H3Yun answers with the department's name; write a
    /// department id. The id of a loaded record is in <see cref="OwnerDeptIdObject"/>.
    /// </summary>
    public string? OwnerDeptId
    {
        get => _ownerDeptId;
        set => Assign(ref _ownerDeptId, value, OwnerDeptIdIndex);
    }

    /// <summary>The owning department's id and name as H3Yun reported them (<c>OwnerDeptIdObject</c>).</summary>
    public H3Unit? OwnerDeptIdObject { get; private set; }

    /// <summary>When the record was created (创建时间, <c>CreatedTime</c>), China time as H3Yun gives it.</summary>
    public DateTime? CreatedTime { get; private set; }

    /// <summary>Who last changed the record (修改人, <c>ModifiedBy</c>), as the display name H3Yun answers with.</summary>
    public string? ModifiedBy { get; private set; }

    /// <summary>The last modifier's id and name as H3Yun reported them (<c>ModifiedByObject</c>).</summary>
    public H3Unit? ModifiedByObject { get; private set; }

    /// <summary>When the record was last changed (修改时间, <c>ModifiedTime</c>), China time.</summary>
    public DateTime? ModifiedTime { get; private set; }

    /// <summary>The workflow instance (流程实例, <c>WorkflowInstanceId</c>); empty when no workflow was started.</summary>
    public string? WorkflowInstanceId { get; internal set; }

    /// <summary>The record's state (数据状态, <c>Status</c>).</summary>
    public BizObjectStatus? Status { get; private set; }

    /// <summary>The serial number (流水号, <c>SeqNo</c>) when the form numbers its records.</summary>
    public string? SeqNo { get; private set; }

    private void Assign(ref string? field, string? value, int index)
    {
        field = value;
        MarkAssigned(index);
    }

    private protected sealed override int? ReadSystemField(string name, JsonElement value)
    {
        switch (name)
        {
            case SystemFields.ObjectId: ObjectId = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.Name: _name = BizValueReader.ReadString(value, name); return NameIndex;
            case SystemFields.CreatedBy: _createdBy = BizValueReader.ReadString(value, name); return CreatedByIndex;
            case SystemFields.OwnerId: _ownerId = BizValueReader.ReadString(value, name); return OwnerIdIndex;
            case SystemFields.OwnerDeptId: _ownerDeptId = BizValueReader.ReadString(value, name); return OwnerDeptIdIndex;
            case SystemFields.CreatedByObject: CreatedByObject = BizValueReader.ReadUnit(value, name); return -1;
            case SystemFields.OwnerIdObject: OwnerIdObject = BizValueReader.ReadUnit(value, name); return -1;
            case SystemFields.OwnerDeptIdObject: OwnerDeptIdObject = BizValueReader.ReadUnit(value, name); return -1;
            case SystemFields.ModifiedByObject: ModifiedByObject = BizValueReader.ReadUnit(value, name); return -1;
            case SystemFields.CreatedTime: CreatedTime = BizValueReader.ReadDateTime(value, name); return -1;
            case SystemFields.ModifiedBy: ModifiedBy = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.ModifiedTime: ModifiedTime = BizValueReader.ReadDateTime(value, name); return -1;
            case SystemFields.WorkflowInstanceId: WorkflowInstanceId = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.Status: Status = (BizObjectStatus?)BizValueReader.ReadInt32(value, name); return -1;
            case SystemFields.SeqNo: SeqNo = BizValueReader.ReadString(value, name); return -1;
            default: return null;
        }
    }

    private protected sealed override void WriteSystemFields(BizObjectWriter writer)
    {
        if (ShouldWriteAt(writer, NameIndex))
        {
            writer.WriteString(SystemFields.Name, _name);
        }

        if (ShouldWriteAt(writer, CreatedByIndex))
        {
            writer.WriteString(SystemFields.CreatedBy, _createdBy);
        }

        if (ShouldWriteAt(writer, OwnerIdIndex))
        {
            writer.WriteString(SystemFields.OwnerId, _ownerId);
        }

        if (ShouldWriteAt(writer, OwnerDeptIdIndex))
        {
            writer.WriteString(SystemFields.OwnerDeptId, _ownerDeptId);
        }
    }

    internal void OnCreated(string objectId, string? workflowInstanceId)
    {
        ObjectId = objectId;
        WorkflowInstanceId = workflowInstanceId;
        AcceptChanges();
    }
}
