namespace H3Yun;

/// <summary>The names of the request headers that carry H3Yun's credentials (reference §0).</summary>
internal static class H3YunHeaders
{
    public const string EngineCode = "EngineCode";

    public const string EngineSecret = "EngineSecret";
}
