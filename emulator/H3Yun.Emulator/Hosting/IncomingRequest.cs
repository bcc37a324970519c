namespace H3Yun.Emulator.Hosting;

/// <summary>What the pipeline needs to know about a request before it is processed: names for faults, the log and the rate limit.</summary>
internal sealed record IncomingRequest(string Path, string? ActionName, string? SchemaCode, string BodyForLog, string? EngineCode);
