using System.Collections.Concurrent;
using System.Threading.Channels;
using Friender.Application.Common.Abstractions;
using Friender.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure.Discovery;

/// <summary>Refills running-low queues off the request path, one viewer at a time and each viewer once.</summary>
internal sealed class CandidateQueueRefiller(
    IServiceScopeFactory scopes,
    CandidateQueueStore store,
    IOptions<CandidateDiscoveryOptions> options,
    TimeProvider clock,
    ILogger<CandidateQueueRefiller> logger)
    : BackgroundService
{
    private readonly Channel<Viewer> _requests = Channel.CreateBounded<Viewer>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<Guid, byte> _pending = new();

    public void Request(Viewer viewer)
    {
        if (_pending.TryAdd(viewer.UserId, 0) && !_requests.Writer.TryWrite(viewer))
            _pending.TryRemove(viewer.UserId, out _);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var viewer in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FrienderDbContext>();
                var size = options.Value.QueueSize;
                var found = await CandidateQueries.NearestAsync(db, viewer, null, size, stoppingToken);
                store.Put(viewer.UserId, new CandidateQueue(CandidateQueue.BasisOf(viewer), found.Select(row => row.UserId).ToList(), found.Count < size, clock.GetUtcNow()));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Refilling the discovery queue of {Viewer} failed; the next request will query directly", viewer.UserId);
            }
            finally
            {
                _pending.TryRemove(viewer.UserId, out _);
            }
        }
    }
}
