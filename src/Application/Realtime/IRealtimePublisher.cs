namespace Friender.Application.Realtime;

/// <summary>
/// Sends events that are not stored (typing, log-outs) to every API process. Events about stored data (messages,
/// matches, read receipts) are published by the store in the transaction that saves the data, so that an event
/// exists if and only if its data was committed.
/// </summary>
public interface IRealtimePublisher
{
    Task PublishAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken);
}
