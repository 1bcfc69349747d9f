using Friender.Application.Common.RateLimiting;

namespace Friender.Application.Common.Abstractions;

/// <summary>Counts requests against the <see cref="RequestRateLimits"/>.</summary>
public interface IRequestRateLimiter
{
    /// <summary>Counts one request; throws <c>RateLimitedException</c>, saying when to retry, past the limit.</summary>
    void Acquire(RequestRateLimit limit, string key);
}
