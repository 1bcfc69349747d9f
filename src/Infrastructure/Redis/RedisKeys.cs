using System.Globalization;

namespace Friender.Infrastructure.Redis;

/// <summary>Every Redis key the API uses, in one place (ADR 0020); all under <c>friender:</c>.</summary>
internal static class RedisKeys
{
    private const string Prefix = "friender:";

    /// <summary>A rate limit's counter for one person or address (RedisRateLimiting adds its own prefix around it).</summary>
    public static string RateLimit(string limit, string key) => $"{Prefix}rl:{limit}:{key}";

    /// <summary>Set for one typing interval after a typing event went out.</summary>
    public static string Typing(Guid typistId, Guid matchId) => $"{Prefix}typing:{typistId:N}:{matchId:N}";

    /// <summary>A sorted set of a person's socket leases, scored by when each expires (ms since the epoch, Redis's clock).</summary>
    public static string ConnectionLeases(Guid userId) => $"{Prefix}sockets:{userId:N}";

    /// <summary>A viewer's discovery watermark.</summary>
    public static string Watermark(Guid viewerId) => $"{Prefix}watermark:{viewerId:N}";

    /// <summary>The pub/sub channel live events travel on between replicas when Redis carries the fan-out.</summary>
    public static string LiveEvents => $"{Prefix}events";

    public static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
