using Friender.Application.Common.Abstractions;
using Friender.Domain.Discovery;
using Friender.Infrastructure.Persistence;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// Serves discovery from a per-viewer queue in memory (see <see cref="CandidateQueue"/>), falling back to the full
/// nearest-first query when the queue is missing, stale, for another location or radius, or used up. Every candidate
/// is re-checked against the database before it is shown, so a queue can be late but never wrong.
/// </summary>
internal sealed class QueuedCandidateSource(
    FrienderDbContext db,
    CandidateQueueStore store,
    CandidateQueueRefiller refiller,
    IOptions<CandidateDiscoveryOptions> options,
    TimeProvider clock)
    : ICandidateSource
{
    private readonly CandidateDiscoveryOptions _options = options.Value;

    public async Task<IReadOnlyList<CandidateHit>> FindAsync(Viewer viewer, CandidateCursor? after, int limit, CancellationToken cancellationToken)
    {
        var queue = store.Get(viewer.UserId);
        if (queue is not null && queue.Basis == CandidateQueue.BasisOf(viewer) && clock.GetUtcNow() - queue.GeneratedAt < _options.QueueLifetime)
        {
            var start = after is null ? 0 : IndexAfter(queue, after.UserId);
            if (start >= 0)
            {
                var rest = queue.CandidateIds.Skip(start).ToList();
                var visible = await CandidateQueries.StillVisibleAsync(db, viewer, rest, limit, cancellationToken);
                if (visible.Count == limit || queue.Exhausted)
                {
                    var lastServed = visible.Count == 0 ? queue.CandidateIds.Count : start + rest.IndexOf(visible[^1].UserId) + 1;
                    if (!queue.Exhausted && queue.CandidateIds.Count - lastServed < _options.RefillBelow)
                        refiller.Request(viewer);
                    return visible.Select(ToHit).ToList();
                }
            }
        }

        var size = Math.Max(limit, _options.QueueSize);
        var found = await CandidateQueries.NearestAsync(db, viewer, after, size, cancellationToken);
        if (after is null)
            store.Put(viewer.UserId, new CandidateQueue(CandidateQueue.BasisOf(viewer), found.Select(row => row.UserId).ToList(), found.Count < size, clock.GetUtcNow()));
        return found.Take(limit).Select(ToHit).ToList();
    }

    public Task<VisibilityFacts?> GetVisibilityAsync(Guid viewerId, Guid candidateId, CancellationToken cancellationToken) =>
        CandidateQueries.VisibilityAsync(db, viewerId, candidateId, cancellationToken);

    private static int IndexAfter(CandidateQueue queue, Guid userId)
    {
        var index = queue.CandidateIds.ToList().IndexOf(userId);
        return index < 0 ? -1 : index + 1;
    }

    private static CandidateHit ToHit(CandidateRow row) => new(row.UserId, row.DistanceMeters);
}

/// <summary>The queues of this replica, bounded in number; a queue is only a hint, so losing one costs one query.</summary>
internal sealed class CandidateQueueStore(IOptions<CandidateDiscoveryOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxQueues });

    public CandidateQueue? Get(Guid viewerId) => _cache.Get<CandidateQueue>(viewerId);

    public void Put(Guid viewerId, CandidateQueue queue) =>
        _cache.Set(viewerId, queue, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.QueueLifetime });

    public void Dispose() => _cache.Dispose();
}
