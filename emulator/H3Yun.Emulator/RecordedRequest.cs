using System;

namespace H3Yun.Emulator;

/// <summary>
/// One request the emulator received and what became of it. Headers are not kept and the EngineSecret is masked
/// wherever it appears in a body, so no secret ever appears here.
/// </summary>
public sealed record RecordedRequest
{
    /// <summary>1 for the first request an instance received, then counting up.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the request arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The path posted to, e.g. <c>/OpenApi/Invoke</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The body's <c>ActionName</c> (<c>UploadAttachment</c> / <c>DownloadBizObjectFile</c> for those endpoints), or <see langword="null"/> when there is none.</summary>
    public string? ActionName { get; init; }

    /// <summary>The body's <c>SchemaCode</c>, or <see langword="null"/> when there is none.</summary>
    public string? SchemaCode { get; init; }

    /// <summary>The request body as text, with the EngineSecret masked; a multipart upload is summarised.</summary>
    public required string Body { get; init; }

    /// <summary>The <c>EngineCode</c> header, or <see langword="null"/> when none was sent.</summary>
    public string? EngineCode { get; init; }

    /// <summary>What became of the request; <see cref="RequestOutcome.InProgress"/> while it is being served.</summary>
    public RequestOutcome Outcome { get; init; }

    /// <summary>Whether the request was processed: its action ran (a write was stored, unless it was refused).</summary>
    public bool Processed { get; init; }

    /// <summary>The fault that met the request, in words, or <see langword="null"/>.</summary>
    public string? Fault { get; init; }

    /// <summary>The HTTP status sent, or <see langword="null"/> when nothing was sent.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The answer's body as text (a file download is summarised), or <see langword="null"/> when nothing was sent.</summary>
    public string? Answer { get; init; }

    /// <summary>How long serving took; <see langword="null"/> while in progress.</summary>
    public TimeSpan? Duration { get; init; }
}

/// <summary>What became of a request.</summary>
public enum RequestOutcome
{
    /// <summary>Still being served.</summary>
    InProgress,

    /// <summary>Answered with success (<c>Successful:true</c>, or a file).</summary>
    Succeeded,

    /// <summary>Answered <c>Successful:false</c>: refused by the emulator, with the action not applied.</summary>
    Refused,

    /// <summary>A fault decided the answer (a status, a raw body, a reset or dropped connection, a refusal of rate).</summary>
    Faulted,

    /// <summary>Refused for rate: more requests per second for the EngineCode than the emulator's rate limit allows.</summary>
    RateLimited,

    /// <summary>The client closed the connection before the answer was complete.</summary>
    ClientGaveUp,

    /// <summary>The emulator itself failed (HTTP 500 with the error text): a bug to report.</summary>
    EmulatorError,
}
