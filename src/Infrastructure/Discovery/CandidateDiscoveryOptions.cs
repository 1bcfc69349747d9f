namespace Friender.Infrastructure.Discovery;

public sealed class CandidateDiscoveryOptions
{
    public const string Section = "Discovery";

    /// <summary>How many candidates one full query puts in a viewer's queue.</summary>
    public int QueueSize { get; set; } = 200;

    /// <summary>Below this many unread candidates left, the queue is refilled in the background.</summary>
    public int RefillBelow { get; set; } = 60;

    /// <summary>How long a queue is trusted before a full query runs again, so new people nearby show up.</summary>
    public TimeSpan QueueLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many viewers' queues one API replica keeps in memory.</summary>
    public int MaxQueues { get; set; } = 50_000;
}
