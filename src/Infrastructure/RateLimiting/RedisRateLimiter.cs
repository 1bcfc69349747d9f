using System.Threading.RateLimiting;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.RateLimiting;
using Friender.Infrastructure.Redis;
using Microsoft.Extensions.Options;
using RedisRateLimiting;

namespace Friender.Infrastructure.RateLimiting;

/// <summary>
/// The same fixed windows as <see cref="InProcessRateLimiter"/>, counted in Redis (RedisRateLimiting's limiter for
/// System.Threading.RateLimiting), so every replica draws on one count per limit and key. Its limiter only works
/// asynchronously and names its retry-after metadata its own way (whole seconds); both are adapted here. While Redis
/// cannot be reached, counts fall back to this process.
/// </summary>
internal sealed class RedisRateLimiter : IRequestRateLimiter, IDisposable
{
    private readonly RedisConnection _redis;
    private readonly InProcessRateLimiter _fallback;
    private readonly PartitionedRateLimiter<(RequestRateLimit Limit, string Key)> _limiter;

    public RedisRateLimiter(RedisConnection redis, InProcessRateLimiter fallback, IOptions<RateLimitOptions> options)
    {
        _redis = redis;
        _fallback = fallback;
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<(RequestRateLimit Limit, string Key), string>(request =>
            RedisRateLimitPartition.GetFixedWindowRateLimiter(RedisKeys.RateLimit(request.Limit.Name, request.Key), _ =>
            {
                var (permitLimit, window) = InProcessRateLimiter.Settings(settings, request.Limit);
                return new RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis.Multiplexer,
                    PermitLimit = permitLimit,
                    Window = window,
                };
            }));
    }

    public async ValueTask AcquireAsync(RequestRateLimit limit, string key, CancellationToken cancellationToken)
    {
        if (!_redis.IsAvailable)
        {
            await _fallback.AcquireAsync(limit, key, cancellationToken);
            return;
        }

        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync((limit, key), 1, cancellationToken);
        }
        catch (Exception exception) when (_redis.Failed(exception, $"the {limit.Name} rate limit"))
        {
            await _fallback.AcquireAsync(limit, key, cancellationToken);
            return;
        }

        using (lease)
        {
            if (!lease.IsAcquired)
                throw new RateLimitedException(lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(Math.Max(seconds, 1)) : limit.Window);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
