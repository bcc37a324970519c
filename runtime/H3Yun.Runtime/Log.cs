using Microsoft.Extensions.Logging;

namespace H3Yun;

/// <summary>The client's log messages. None of them carries a header, a body, or the EngineSecret.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "H3Yun {ActionName} on {SchemaCode} answered in {ElapsedMilliseconds} ms")]
    public static partial void Answered(ILogger logger, string actionName, string? schemaCode, long elapsedMilliseconds);

    [LoggerMessage(2, LogLevel.Warning, "H3Yun {ActionName} on {SchemaCode} failed; attempt {Attempt} follows in {Delay}: {Reason}")]
    public static partial void Retrying(ILogger logger, string actionName, string? schemaCode, int attempt, TimeSpan delay, string? reason);

    [LoggerMessage(3, LogLevel.Warning, "H3Yun {ActionName} on {SchemaCode} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string actionName, string? schemaCode, string reason);
}
