namespace H3Yun.OpenApi;

/// <summary>The ActionNames of H3Yun's standard OpenApi (docs/protocol.md#actions), reserved by H3Yun.</summary>
public static class OpenApiActions
{
    /// <summary>加载业务数据: one record by id.</summary>
    public const string LoadBizObject = OpenApiNames.LoadBizObject;

    /// <summary>批量加载业务数据: up to 500 records matching a filter.</summary>
    public const string LoadBizObjects = OpenApiNames.LoadBizObjects;

    /// <summary>创建业务数据: one record.</summary>
    public const string CreateBizObject = OpenApiNames.CreateBizObject;

    /// <summary>批量创建业务数据: several records.</summary>
    public const string CreateBizObjects = OpenApiNames.CreateBizObjects;

    /// <summary>更新业务数据: the fields sent, of one record.</summary>
    public const string UpdateBizObject = OpenApiNames.UpdateBizObject;

    /// <summary>删除业务数据: one record.</summary>
    public const string RemoveBizObject = OpenApiNames.RemoveBizObject;

    /// <summary>The attachment download (<c>/Api/DownloadBizObjectFile</c>), named like an action in errors and logs.</summary>
    public const string DownloadBizObjectFile = OpenApiNames.DownloadBizObjectFile;

    /// <summary>The attachment upload (<c>/OpenApi/UploadAttachment</c>), named like an action in errors and logs.</summary>
    public const string UploadAttachment = OpenApiNames.UploadAttachment;

    /// <summary>
    /// Whether sending the action twice has the same effect as sending it once, which is what allows a retry after
    /// a failure whose outcome is unknown. Only the reads are; every write and custom action is not.
    /// </summary>
    /// <param name="actionName">The action.</param>
    /// <returns><see langword="true"/> for LoadBizObject, LoadBizObjects and attachment downloads.</returns>
    public static bool IsIdempotent(string actionName) => IsRead(actionName);

    /// <summary>Whether the name is one of the six built-in actions, which custom APIs may not use.</summary>
    internal static bool IsBuiltIn(string actionName) => OpenApiNames.IsBuiltIn(actionName);

    /// <summary>Whether the action only reads. Custom actions count as writes: the client cannot know what they do.</summary>
    internal static bool IsRead(string actionName) =>
        actionName is LoadBizObject or LoadBizObjects or DownloadBizObjectFile;
}
