using System.Net;

namespace H3Yun;

/// <summary>
/// The call did not get an OpenApi answer: the connection failed, the server answered with an HTTP status other than
/// success, or it redirected elsewhere. <see cref="StatusCode"/> is <see langword="null"/> when no HTTP answer arrived.
/// </summary>
public class H3YunTransportException : H3YunException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The action that was being sent.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="statusCode">The HTTP status, when the server answered.</param>
    /// <param name="innerException">The network failure, if any.</param>
    /// <param name="outcome">Whether H3Yun may have applied the call.</param>
    public H3YunTransportException(
        string actionName,
        string? schemaCode,
        string message,
        HttpStatusCode? statusCode = null,
        Exception? innerException = null,
        WriteOutcome outcome = WriteOutcome.NotApplied)
        : base(actionName, schemaCode, message, innerException, outcome)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the server answered with, or <see langword="null"/> when none arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long the server asked the client to wait (<c>Retry-After</c>), when it said so.</summary>
    public TimeSpan? RetryAfter { get; init; }

    internal static H3YunTransportException ForStatus(CallInfo call, HttpStatusCode status, string? bodyExcerpt, TimeSpan? retryAfter)
    {
        var (outcome, transient) = FailureRules.ForStatus(status, call.IsRead);
        var message = $"H3Yun answered {Describe(call.ActionName, call.SchemaCode)} with HTTP {(int)status} ({status})"
            + (string.IsNullOrEmpty(bodyExcerpt) ? "." : $": {bodyExcerpt}")
            + ((int)status == 429 ? " The client is sending faster than H3Yun allows; lower RequestsPerSecond." : string.Empty);
        return new H3YunTransportException(call.ActionName, call.SchemaCode, message, status, outcome: outcome) { RetryAfter = retryAfter, IsTransient = transient };
    }

    internal static H3YunTransportException ForRedirect(CallInfo call, HttpStatusCode status, Uri? location, Uri endpoint) =>
        new(
            call.ActionName,
            call.SchemaCode,
            $"H3Yun answered {Describe(call.ActionName, call.SchemaCode)} with HTTP {(int)status} ({status}), a redirect to "
            + (location is null ? "no address" : $"host '{location.Host}'")
            + $". The client never follows redirects, so that the EngineSecret goes only to {endpoint.GetLeftPart(UriPartial.Authority)}; "
            + "if H3Yun really moved, set H3YunClientOptions.BaseAddress to the new address.",
            status);

    internal static H3YunTransportException ForFollowedRedirect(CallInfo call, Uri finalAddress, Uri endpoint) =>
        new(
            call.ActionName,
            call.SchemaCode,
            $"The HttpClient given to H3YunClient followed a redirect from {endpoint.GetLeftPart(UriPartial.Authority)} to host '{finalAddress.Host}' "
            + "for " + Describe(call.ActionName, call.SchemaCode) + ", taking the EngineSecret there. Give H3YunClient an HttpClient whose handler has "
            + "AllowAutoRedirect = false (AddH3Yun configures one), and consider rotating the EngineSecret.",
            outcome: call.IsRead ? WriteOutcome.NotApplied : WriteOutcome.Unknown);

    internal static H3YunTransportException ForNetwork(CallInfo call, Uri endpoint, HttpRequestError error, Exception failure)
    {
        var (outcome, transient) = FailureRules.ForNetwork(error, call.IsRead);
        return new(
            call.ActionName,
            call.SchemaCode,
            $"Could not reach H3Yun at {endpoint.GetLeftPart(UriPartial.Path)} for {Describe(call.ActionName, call.SchemaCode)}: {OutcomeText.EndSentence(failure.Message)} "
            + "Check the network and H3YunClientOptions.BaseAddress.",
            (failure as HttpRequestException)?.StatusCode,
            failure,
            outcome)
        { IsTransient = transient };
    }
}
