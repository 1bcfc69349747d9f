using Friender.Infrastructure.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Friender.Infrastructure.Health;

/// <summary>
/// Degraded, never unhealthy, while Redis cannot be reached: limits are then counted per replica, but every request
/// is still served, so no replica should leave the pool over it.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsAvailable)
            return HealthCheckResult.Degraded("Redis is not reachable: limits and socket slots are counted per replica.");
        try
        {
            await redis.Database.PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (redis.Failed(exception, "the health check"))
        {
            return HealthCheckResult.Degraded("Redis did not answer: limits and socket slots are counted per replica.", exception);
        }
    }
}
