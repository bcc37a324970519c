namespace H3Yun.Protocol;

/// <summary>The names on H3Yun's wire: endpoints, headers, built-in actions and body members.</summary>
/// <remarks>docs/protocol.md#endpoints-and-headers.</remarks>
internal static class OpenApiNames
{
    /// <summary>The path of every standard and custom action.</summary>
    public const string InvokePath = "OpenApi/Invoke";

    /// <summary>The path of an attachment upload.</summary>
    public const string UploadAttachmentPath = "OpenApi/UploadAttachment";

    /// <summary>The path of an attachment download.</summary>
    public const string DownloadBizObjectFilePath = "Api/DownloadBizObjectFile";

    /// <summary>The header that names the engine (tenant).</summary>
    public const string EngineCodeHeader = "EngineCode";

    /// <summary>The header that carries the engine's secret.</summary>
    public const string EngineSecretHeader = "EngineSecret";

    public const string LoadBizObject = "LoadBizObject";
    public const string LoadBizObjects = "LoadBizObjects";
    public const string CreateBizObject = "CreateBizObject";
    public const string CreateBizObjects = "CreateBizObjects";
    public const string UpdateBizObject = "UpdateBizObject";
    public const string RemoveBizObject = "RemoveBizObject";

    /// <summary>The download, named like an action in errors and logs.</summary>
    public const string DownloadBizObjectFile = "DownloadBizObjectFile";

    /// <summary>The upload, named like an action in errors and logs.</summary>
    public const string UploadAttachment = "UploadAttachment";

    /// <summary>Whether the name is one of the six built-in actions, which a custom API may not take.</summary>
    public static bool IsBuiltIn(string actionName) =>
        actionName is LoadBizObject or LoadBizObjects or CreateBizObject or CreateBizObjects or UpdateBizObject or RemoveBizObject;

    /// <summary>The most rows one LoadBizObjects answer holds.</summary>
    public const int MaxRowsPerRead = 500;
}
