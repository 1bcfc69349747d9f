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
/// process: with several replicas behind a balancer a client gets up to that many times the limit.
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
                settings.Policies.TryGetValue(request.Limit.Name, out var custom);
                return new FixedWindowRateLimiterOptions
                {
                    PermitLimit = custom?.PermitLimit ?? request.Limit.PermitLimit,
                    Window = custom?.Window ?? request.Limit.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                };
            }));
    }

    public void Acquire(RequestRateLimit limit, string key)
    {
        using var lease = _limiter.AttemptAcquire((limit, key));
        if (!lease.IsAcquired)
            throw new RateLimitedException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window);
    }

    public void Dispose() => _limiter.Dispose();
}
