using System.Globalization;
using System.Text.Json;
using Friender.Application.Common.Abstractions;
using Friender.Infrastructure.Redis;
using Microsoft.Extensions.Caching.Memory;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// Per viewer, the discovery position before which everyone was found unshowable at <see cref="Watermark.TakenAt"/>.
/// Someone who has answered their 10,000 nearest people then starts from there instead of walking past all of them
/// again; people who changed since (new, moved, completed, wider radius) are looked at again. Kept in Redis when it is
/// configured, so a viewer continues on any replica, else (and while Redis cannot be reached) in this process's
/// memory: a lost watermark costs one full walk, never a wrong answer.
/// </summary>
internal sealed class CandidateWatermarks(RedisConnection? redis = null) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>How far before the walk a change may be dated and still be seen: transactions commit after their clock reading.</summary>
    public static readonly TimeSpan ChangeMargin = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async ValueTask<Watermark?> GetAsync(Viewer viewer)
    {
        var mark = _cache.Get<Watermark>(viewer.UserId);
        if (redis is { IsAvailable: true })
        {
            try
            {
                var stored = await redis.Database.StringGetAsync(RedisKeys.Watermark(viewer.UserId));
                mark = stored.HasValue ? JsonSerializer.Deserialize<Watermark>(stored.ToString()) : null;
            }
            catch (Exception exception) when (redis.Failed(exception, "a discovery watermark") || exception is JsonException)
            {
            }
        }

        return mark is not null && mark.Basis == BasisOf(viewer) ? mark : null;
    }

    public async ValueTask SetAsync(Viewer viewer, double distanceMeters, long cellKey, Guid userId, DateTimeOffset takenAt)
    {
        var mark = new Watermark(BasisOf(viewer), distanceMeters, cellKey, userId, takenAt);
        _cache.Set(viewer.UserId, mark, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        if (redis is not { IsAvailable: true })
            return;
        try
        {
            await redis.Database.StringSetAsync(RedisKeys.Watermark(viewer.UserId), JsonSerializer.Serialize(mark), Lifetime);
        }
        catch (Exception exception) when (redis.Failed(exception, "a discovery watermark"))
        {
        }
    }

    public void Dispose() => _cache.Dispose();

    private static string BasisOf(Viewer viewer) =>
        string.Create(CultureInfo.InvariantCulture, $"{viewer.Location.X:R},{viewer.Location.Y:R},{viewer.FriendRadiusMiles}");
}

internal sealed record Watermark(string Basis, double DistanceMeters, long CellKey, Guid UserId, DateTimeOffset TakenAt);
