using System.Threading.Channels;
using Friender.Application.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// Where every live event from other processes lands, whichever way it came (Postgres <c>NOTIFY</c>, Redis pub/sub):
/// handed to the <see cref="LiveFeed"/> in batches, so events that arrive together are loaded and authorised together.
/// A batch that cannot be delivered is still in the journal: subscriptions that follow a cursor read it from there.
/// </summary>
public sealed class LiveEventQueue(LiveFeed feed, IOptions<RealtimeOptions> options, ILogger<LiveEventQueue> logger) : BackgroundService
{
    private readonly Channel<RealtimeEvent> _received = Channel.CreateUnbounded<RealtimeEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues <paramref name="realtimeEvent"/>; never blocks the connection it arrived on.</summary>
    public void Post(RealtimeEvent realtimeEvent) => _received.Writer.TryWrite(realtimeEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<RealtimeEvent>(options.Value.MaxBatch);
        try
        {
            while (await _received.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.Value.MaxBatch && _received.Reader.TryRead(out var realtimeEvent))
                    batch.Add(realtimeEvent);
                await DeliverAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(List<RealtimeEvent> batch, CancellationToken stoppingToken)
    {
        try
        {
            await feed.DeliverAsync(batch, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not deliver {Count} realtime events; subscriptions catch up from the journal", batch.Count);
            feed.Interrupted();
            feed.CatchUp();
        }
    }
}
