using System.Net;

namespace H3Yun;

/// <summary>
/// The call did not get an OpenApi answer: the connection failed, or the server answered with an HTTP status
/// other than success. <see cref="StatusCode"/> is <see langword="null"/> when no HTTP answer arrived at all.
/// </summary>
public class H3YunTransportException : H3YunException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The action that was being sent.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="statusCode">The HTTP status, when the server answered.</param>
    /// <param name="innerException">The network failure, if any.</param>
    public H3YunTransportException(
        string actionName,
        string? schemaCode,
        string message,
        HttpStatusCode? statusCode = null,
        Exception? innerException = null)
        : base(actionName, schemaCode, message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the server answered with, or <see langword="null"/> when none arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long the server asked the client to wait (<c>Retry-After</c>), when it said so.</summary>
    public TimeSpan? RetryAfter { get; init; }

    internal static H3YunTransportException ForStatus(
        string actionName, string? schemaCode, HttpStatusCode status, string? bodyExcerpt, TimeSpan? retryAfter)
    {
        var message = $"H3Yun answered {Describe(actionName, schemaCode)} with HTTP {(int)status} ({status})"
            + (string.IsNullOrEmpty(bodyExcerpt) ? "." : $": {bodyExcerpt}")
            + ((int)status == 429 ? " The client is sending faster than H3Yun allows; lower RequestsPerSecond." : string.Empty);
        return new H3YunTransportException(actionName, schemaCode, message, status) { RetryAfter = retryAfter };
    }

    internal static H3YunTransportException ForNetwork(
        string actionName, string? schemaCode, Uri endpoint, HttpRequestException failure) =>
        new(
            actionName,
            schemaCode,
            $"Could not reach H3Yun at {endpoint} for {Describe(actionName, schemaCode)}: {failure.Message} "
            + "Check the network and H3YunClientOptions.BaseAddress.",
            failure.StatusCode,
            failure);
}
