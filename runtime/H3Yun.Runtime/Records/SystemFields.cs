namespace H3Yun;

/// <summary>The codes of the system fields every H3Yun form has (docs/protocol.md#system-fields).</summary>
public static class SystemFields
{
    /// <summary>数据Id: the record's id, set by H3Yun.</summary>
    public const string ObjectId = SystemFieldCodes.ObjectId;

    /// <summary>数据标题: the record's title.</summary>
    public const string Name = SystemFieldCodes.Name;

    /// <summary>创建人: the creator.</summary>
    public const string CreatedBy = SystemFieldCodes.CreatedBy;

    /// <summary>The creator's <c>{ObjectId, Name}</c> that H3Yun adds to a read.</summary>
    public const string CreatedByObject = SystemFieldCodes.CreatedBy + SystemFieldCodes.CompanionSuffix;

    /// <summary>拥有者: the owner.</summary>
    public const string OwnerId = SystemFieldCodes.OwnerId;

    /// <summary>The owner's <c>{ObjectId, Name}</c> that H3Yun adds to a read.</summary>
    public const string OwnerIdObject = SystemFieldCodes.OwnerId + SystemFieldCodes.CompanionSuffix;

    /// <summary>所属部门: the owning department.</summary>
    public const string OwnerDeptId = SystemFieldCodes.OwnerDeptId;

    /// <summary>The department's <c>{ObjectId, Name}</c> that H3Yun adds to a read.</summary>
    public const string OwnerDeptIdObject = SystemFieldCodes.OwnerDeptId + SystemFieldCodes.CompanionSuffix;

    /// <summary>创建时间: when the record was created.</summary>
    public const string CreatedTime = SystemFieldCodes.CreatedTime;

    /// <summary>修改人: who changed the record last.</summary>
    public const string ModifiedBy = SystemFieldCodes.ModifiedBy;

    /// <summary>The last modifier's <c>{ObjectId, Name}</c> that H3Yun adds to a read.</summary>
    public const string ModifiedByObject = SystemFieldCodes.ModifiedBy + SystemFieldCodes.CompanionSuffix;

    /// <summary>修改时间: when the record was changed last.</summary>
    public const string ModifiedTime = SystemFieldCodes.ModifiedTime;

    /// <summary>流程实例: the workflow instance id.</summary>
    public const string WorkflowInstanceId = SystemFieldCodes.WorkflowInstanceId;

    /// <summary>数据状态: the record's <see cref="BizObjectStatus"/>.</summary>
    public const string Status = SystemFieldCodes.Status;

    /// <summary>流水号: the serial number.</summary>
    public const string SeqNo = SystemFieldCodes.SeqNo;

    /// <summary>A child-table row's parent record id.</summary>
    public const string ParentObjectId = SystemFieldCodes.ParentObjectId;

    /// <summary>A child-table row's table: the child schema code, set by H3Yun.</summary>
    public const string ParentPropertyName = SystemFieldCodes.ParentPropertyName;

    /// <summary>A child-table row's 0-based position, set by H3Yun.</summary>
    public const string ParentIndex = SystemFieldCodes.ParentIndex;
}
