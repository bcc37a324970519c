namespace H3Yun.Emulator;

/// <summary>
/// How LoadBizObject answers a <c>BizObjectId</c> that names no record. H3Yun does not document it, and tenants
/// have been seen to answer either way, so a client must cope with both.
/// </summary>
public enum MissingRecordAnswer
{
    /// <summary><c>Successful:true</c> with <c>ReturnData: {"BizObject": null}</c>.</summary>
    NullBizObject = 0,

    /// <summary>
    /// <c>Successful:false</c> with an <c>ErrorMessage</c> that starts with <c>业务对象不存在</c> (the emulator adds
    /// <c> / record not found: &lt;id&gt;</c>, as it does for UpdateBizObject and RemoveBizObject).
    /// </summary>
    NotFoundError = 1,
}
