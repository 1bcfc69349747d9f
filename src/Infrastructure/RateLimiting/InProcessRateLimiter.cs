using System.Threading.RateLimiting;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.RateLimiting;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure.RateLimiting;

/// <summary>
/// .NET's partitioned fixed-window limiter (System.Threading.RateLimiting, what ASP.NET Core's rate limiting
/// middleware is built on), one partition per limit and key. GraphQL sends every operation to one endpoint, so the
/// limits are applied per use case (<c>RateLimitBehavior</c>) rather than per route in the middleware. Counted in this
/// process: the one-box default, and what <see cref="RedisRateLimiter"/> falls back to while Redis cannot be reached.
/// </summary>
internal sealed class InProcessRateLimiter : IRequestRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<(RequestRateLimit Limit, string Key)> _limiter;

    public InProcessRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<(RequestRateLimit Limit, string Key), (string, string)>(request =>
            RateLimitPartition.GetFixedWindowLimiter((request.Limit.Name, request.Key), _ =>
            {
                var (permitLimit, window) = Settings(settings, request.Limit);
                return new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0, AutoReplenishment = true };
            }));
    }

    public ValueTask AcquireAsync(RequestRateLimit limit, string key, CancellationToken cancellationToken)
    {
        using var lease = _limiter.AttemptAcquire((limit, key));
        if (!lease.IsAcquired)
            throw new RateLimitedException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window);
        return ValueTask.CompletedTask;
    }

    /// <summary>The window and permits of <paramref name="limit"/> after configuration.</summary>
    public static (int PermitLimit, TimeSpan Window) Settings(RateLimitOptions options, RequestRateLimit limit)
    {
        options.Policies.TryGetValue(limit.Name, out var custom);
        return (custom?.PermitLimit ?? limit.PermitLimit, custom?.Window ?? limit.Window);
    }

    public void Dispose() => _limiter.Dispose();
}
