namespace Friender.Application.Realtime;

/// <summary>
/// At most one typing event per <see cref="TypingThrottle.Interval"/> per person and match: clients call setTyping
/// on every key press, the other person needs to hear it once. Counted in this process (<see cref="TypingThrottle"/>)
/// or across replicas when shared state is configured.
/// </summary>
public interface ITypingThrottle
{
    /// <summary>True when this typing event should go out; false when one went out less than an interval ago.</summary>
    ValueTask<bool> TryAcquireAsync(Guid typistId, Guid matchId, CancellationToken cancellationToken);
}
