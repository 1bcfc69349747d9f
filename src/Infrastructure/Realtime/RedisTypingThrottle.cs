using Friender.Application.Realtime;
using Friender.Infrastructure.Redis;
using StackExchange.Redis;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// The typing throttle across replicas: a key set only if absent, expiring after one interval (SET NX PX). While
/// Redis cannot be reached, the throttle of this process decides.
/// </summary>
internal sealed class RedisTypingThrottle(RedisConnection redis, TypingThrottle fallback) : ITypingThrottle
{
    public async ValueTask<bool> TryAcquireAsync(Guid typistId, Guid matchId, CancellationToken cancellationToken)
    {
        if (!redis.IsAvailable)
            return fallback.TryAcquire(typistId, matchId);
        try
        {
            return await redis.Database.StringSetAsync(RedisKeys.Typing(typistId, matchId), 1, TypingThrottle.Interval, When.NotExists);
        }
        catch (Exception exception) when (redis.Failed(exception, "the typing throttle"))
        {
            return fallback.TryAcquire(typistId, matchId);
        }
    }
}
