using System.Globalization;
using Friender.Application.Common.Abstractions;
using Microsoft.Extensions.Caching.Memory;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// Per viewer, the discovery position before which everyone was found unshowable at <see cref="Watermark.TakenAt"/>.
/// Someone who has answered their 10,000 nearest people then starts from there instead of walking past all of them
/// again; people who changed since (new, moved, completed, wider radius) are looked at again. Kept in memory: a lost
/// watermark costs one full walk, never a wrong answer.
/// </summary>
internal sealed class CandidateWatermarks : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>How far before the walk a change may be dated and still be seen: transactions commit after their clock reading.</summary>
    public static readonly TimeSpan ChangeMargin = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public Watermark? Get(Viewer viewer) =>
        _cache.Get<Watermark>(viewer.UserId) is { } mark && mark.Basis == BasisOf(viewer) ? mark : null;

    public void Set(Viewer viewer, double distanceMeters, long cellKey, Guid userId, DateTimeOffset takenAt) =>
        _cache.Set(viewer.UserId, new Watermark(BasisOf(viewer), distanceMeters, cellKey, userId, takenAt),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _cache.Dispose();

    private static string BasisOf(Viewer viewer) =>
        string.Create(CultureInfo.InvariantCulture, $"{viewer.Location.X:R},{viewer.Location.Y:R},{viewer.FriendRadiusMiles}");
}

internal sealed record Watermark(string Basis, double DistanceMeters, long CellKey, Guid UserId, DateTimeOffset TakenAt);
