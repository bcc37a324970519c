namespace H3Yun;

/// <summary>The ActionNames of H3Yun's standard OpenApi (reference §1), reserved by H3Yun.</summary>
public static class OpenApiActions
{
    /// <summary>加载业务数据: one record by id.</summary>
    public const string LoadBizObject = "LoadBizObject";

    /// <summary>批量加载业务数据: up to 500 records matching a filter.</summary>
    public const string LoadBizObjects = "LoadBizObjects";

    /// <summary>创建业务数据: one record.</summary>
    public const string CreateBizObject = "CreateBizObject";

    /// <summary>批量创建业务数据: several records.</summary>
    public const string CreateBizObjects = "CreateBizObjects";

    /// <summary>更新业务数据: the fields sent, of one record.</summary>
    public const string UpdateBizObject = "UpdateBizObject";

    /// <summary>删除业务数据: one record.</summary>
    public const string RemoveBizObject = "RemoveBizObject";

    /// <summary>
    /// Whether sending the action twice has the same effect as sending it once, which is what allows a retry after
    /// a failure whose outcome is unknown. Only the two reads are; every write and custom action is not.
    /// </summary>
    /// <param name="actionName">The action.</param>
    /// <returns><see langword="true"/> for LoadBizObject and LoadBizObjects.</returns>
    public static bool IsIdempotent(string actionName) =>
        actionName is LoadBizObject or LoadBizObjects;
}
