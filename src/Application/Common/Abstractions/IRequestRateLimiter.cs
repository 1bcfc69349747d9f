using Friender.Application.Common.RateLimiting;

namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Counts requests against the <see cref="RequestRateLimits"/>: in this process, or across every replica when the
/// counts are shared (Redis), falling back to this process while they cannot be reached.
/// </summary>
public interface IRequestRateLimiter
{
    /// <summary>Counts one request; throws <c>RateLimitedException</c>, saying when to retry, past the limit.</summary>
    ValueTask AcquireAsync(RequestRateLimit limit, string key, CancellationToken cancellationToken);
}
