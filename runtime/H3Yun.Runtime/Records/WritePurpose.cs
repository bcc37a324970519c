namespace H3Yun;

/// <summary>What a serialized record is for, which decides how child tables and row ids are written.</summary>
internal enum WritePurpose
{
    /// <summary>A new record (CreateBizObject, CreateBizObjects): its tables hold every row, and no row has an id yet.</summary>
    Create,

    /// <summary>A change to an existing record (UpdateBizObject): a table sent replaces or merges into the stored one.</summary>
    Update,
}
