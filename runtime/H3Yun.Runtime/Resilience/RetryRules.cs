using System.Net;
using System.Net.Http;

namespace H3Yun;

/// <summary>
/// Which failures a request may be sent again after. A read may always be repeated; a write only when H3Yun
/// certainly did not act on it, because H3Yun's writes are not idempotent and a duplicate record is data damage.
/// H3Yun's own business errors (<c>Successful: false</c>) are never retried.
/// </summary>
internal static class RetryRules
{
    public static bool ShouldRetry(Exception failure, bool idempotent) => failure switch
    {
        H3YunTimeoutException => idempotent,
        H3YunTransportException { StatusCode: { } status } => status == HttpStatusCode.TooManyRequests
            || (idempotent && (status == HttpStatusCode.RequestTimeout || (int)status >= 500)),
        H3YunTransportException { InnerException: HttpRequestException network } => idempotent || NeverReachedServer(network),
        _ => false,
    };

    // Only failures before a connection existed prove that the request was not sent.
    private static bool NeverReachedServer(HttpRequestException network) =>
        network.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
