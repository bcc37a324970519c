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
    private UnitValue _createdBy;
    private UnitValue _ownerId;
    private UnitValue _ownerDeptId;
    private UnitValue _modifiedBy;

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
    /// The creator's user id (创建人, <c>CreatedBy</c>). H3Yun answers with the display name and puts the id in the
    /// <c>CreatedByObject</c> companion; this is the id (the text H3Yun sent when it sent no id).
    /// </summary>
    public string? CreatedBy
    {
        get => _createdBy.Id;
        set => AssignUnit(ref _createdBy, value, CreatedByIndex);
    }

    /// <summary>The creator's id and display name as H3Yun reported them (<c>CreatedByObject</c>).</summary>
    public H3Unit? CreatedByObject => _createdBy.Unit;

    /// <summary>The owner's user id (拥有者, <c>OwnerId</c>); the display name is in <see cref="OwnerIdObject"/>.</summary>
    public string? OwnerId
    {
        get => _ownerId.Id;
        set => AssignUnit(ref _ownerId, value, OwnerIdIndex);
    }

    /// <summary>The owner's id and display name as H3Yun reported them (<c>OwnerIdObject</c>).</summary>
    public H3Unit? OwnerIdObject => _ownerId.Unit;

    /// <summary>The owning department's id (所属部门, <c>OwnerDeptId</c>); its name is in <see cref="OwnerDeptIdObject"/>.</summary>
    public string? OwnerDeptId
    {
        get => _ownerDeptId.Id;
        set => AssignUnit(ref _ownerDeptId, value, OwnerDeptIdIndex);
    }

    /// <summary>The owning department's id and name as H3Yun reported them (<c>OwnerDeptIdObject</c>).</summary>
    public H3Unit? OwnerDeptIdObject => _ownerDeptId.Unit;

    /// <summary>When the record was created (创建时间, <c>CreatedTime</c>), China time as H3Yun gives it.</summary>
    public DateTime? CreatedTime { get; private set; }

    /// <summary>The user id of who last changed the record (修改人, <c>ModifiedBy</c>); the name is in <see cref="ModifiedByObject"/>.</summary>
    public string? ModifiedBy => _modifiedBy.Id;

    /// <summary>The last modifier's id and name as H3Yun reported them (<c>ModifiedByObject</c>).</summary>
    public H3Unit? ModifiedByObject => _modifiedBy.Unit;

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

    private void AssignUnit(ref UnitValue field, string? id, int index)
    {
        field.Assign(id);
        MarkAssigned(index);
    }

    private protected sealed override int? ReadSystemField(string name, JsonElement value)
    {
        switch (name)
        {
            case SystemFields.ObjectId: ObjectId = BizValueReader.ReadString(value, name); return -1;
            case SystemFields.Name: _name = BizValueReader.ReadString(value, name); return NameIndex;
            case SystemFields.CreatedBy: _createdBy.Read(value, name); return CreatedByIndex;
            case SystemFields.OwnerId: _ownerId.Read(value, name); return OwnerIdIndex;
            case SystemFields.OwnerDeptId: _ownerDeptId.Read(value, name); return OwnerDeptIdIndex;
            case SystemFields.CreatedByObject: _createdBy.ReadCompanion(value, name); return CreatedByIndex;
            case SystemFields.OwnerIdObject: _ownerId.ReadCompanion(value, name); return OwnerIdIndex;
            case SystemFields.OwnerDeptIdObject: _ownerDeptId.ReadCompanion(value, name); return OwnerDeptIdIndex;
            case SystemFields.ModifiedByObject: _modifiedBy.ReadCompanion(value, name); return -1;
            case SystemFields.CreatedTime: CreatedTime = BizValueReader.ReadDateTime(value, name); return -1;
            case SystemFields.ModifiedBy: _modifiedBy.Read(value, name); return -1;
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
            writer.WriteUnit(SystemFields.CreatedBy, in _createdBy);
        }

        if (ShouldWriteAt(writer, OwnerIdIndex))
        {
            writer.WriteUnit(SystemFields.OwnerId, in _ownerId);
        }

        if (ShouldWriteAt(writer, OwnerDeptIdIndex))
        {
            writer.WriteUnit(SystemFields.OwnerDeptId, in _ownerDeptId);
        }
    }

    /// <summary>Takes the id H3Yun gave the new record; the write's capture forgets what it sent.</summary>
    internal void OnCreated(string? objectId, string? workflowInstanceId)
    {
        if (!string.IsNullOrEmpty(objectId))
        {
            ObjectId = objectId;
        }

        WorkflowInstanceId = workflowInstanceId;
        WasCreatedHere = true;
    }
}
