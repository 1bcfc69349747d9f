namespace Friender.Infrastructure.Realtime;

public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>The first wait before listening again after the connection to Postgres was lost; doubles each try.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many events are loaded and authorised together at most.</summary>
    public int MaxBatch { get; set; } = 256;
}
