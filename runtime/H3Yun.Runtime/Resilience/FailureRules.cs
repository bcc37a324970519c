using System.Net;

namespace H3Yun;

/// <summary>
/// The one place that decides, for every kind of failure, whether H3Yun may have applied a write and whether the
/// call may pass if repeated. A call is retried only when it is transient and certainly not applied: a read always
/// qualifies, a write only when H3Yun certainly did not act on it, because H3Yun's writes are not idempotent and a
/// duplicate record is data damage.
/// </summary>
internal static class FailureRules
{
    /// <summary>Whether a failed attempt may be sent again.</summary>
    public static bool ShouldRetry(Exception failure) =>
        failure is H3YunException { IsTransient: true, Outcome: WriteOutcome.NotApplied };

    /// <summary>An HTTP status other than success.</summary>
    public static (WriteOutcome Outcome, bool Transient) ForStatus(HttpStatusCode status, bool isRead)
    {
        var code = (int)status;
        var transient = code is 408 or 429 or >= 500;
        // 429 is a refusal before any work; a 5xx or 408 may come after the write was done.
        var outcome = isRead || code == 429 || (code < 500 && code != 408) ? WriteOutcome.NotApplied : WriteOutcome.Unknown;
        return (outcome, transient);
    }

    /// <summary>No HTTP answer arrived: the connection failed, was reset, or the body stopped half-way.</summary>
    public static (WriteOutcome Outcome, bool Transient) ForNetwork(HttpRequestError error, bool isRead) =>
        (isRead || NeverReachedServer(error) ? WriteOutcome.NotApplied : WriteOutcome.Unknown, true);

    /// <summary>H3Yun answered <c>Successful: false</c>.</summary>
    public static (WriteOutcome Outcome, bool Transient) ForRejection(CallInfo call, bool isRateRefusal)
    {
        if (isRateRefusal)
        {
            return (WriteOutcome.NotApplied, true);
        }

        // H3Yun does not document whether a batch is all-or-nothing, and a custom API may fail after writing.
        return (!call.IsRead && call.MayPartlyApply ? WriteOutcome.Unknown : WriteOutcome.NotApplied, false);
    }

    /// <summary>The answer arrived but its envelope could not be read: whatever H3Yun did is unknown.</summary>
    public static WriteOutcome ForUnreadableEnvelope(CallInfo call) => call.IsRead ? WriteOutcome.NotApplied : WriteOutcome.Unknown;

    /// <summary>H3Yun said <c>Successful: true</c> but its ReturnData could not be used: the write happened.</summary>
    public static WriteOutcome ForUnreadableReturnData(CallInfo call) => call.IsRead ? WriteOutcome.NotApplied : WriteOutcome.Applied;

    /// <summary>The caller cancelled: a write whose request was on its way may have been applied.</summary>
    public static WriteOutcome ForCancellation(bool isRead, bool attemptInFlight) =>
        isRead || !attemptInFlight ? WriteOutcome.NotApplied : WriteOutcome.Unknown;

    // Only failures before a connection existed prove that the request was not sent.
    private static bool NeverReachedServer(HttpRequestError error) =>
        error is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
