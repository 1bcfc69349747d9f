namespace Friender.GraphQL.Transport.WebSockets;

public sealed class GraphQLWebSocketOptions
{
    public const string Section = "WebSockets";

    /// <summary>How long a client may take to send connection_init before it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxMessageBytes { get; set; } = 64 * 1024;

    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>Open connections one person may have on one API process (tabs, devices); one more closes with 4429.</summary>
    public int MaxConnectionsPerUser { get; set; } = 50;

    /// <summary>How long to wait for the client's close frame after the server closed, before dropping the socket.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
