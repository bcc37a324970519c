namespace H3Yun.Emulator;

/// <summary>One request the emulator received. Headers are not kept, so the EngineSecret never appears here.</summary>
/// <param name="ActionName">The body's <c>ActionName</c>, or <see langword="null"/> when the body has none or is not JSON.</param>
/// <param name="SchemaCode">The body's <c>SchemaCode</c>, or <see langword="null"/> when the body has none or is not JSON.</param>
/// <param name="Body">The raw request body text.</param>
public sealed record RecordedRequest(string? ActionName, string? SchemaCode, string Body);
