using Friender.Application.Realtime;
using Npgsql;

namespace Friender.Infrastructure.Realtime;

internal sealed class PostgresRealtimePublisher(NpgsqlDataSource database) : IRealtimePublisher
{
    public async Task PublishAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RealtimeChannel.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RealtimeChannel.Encode(realtimeEvent) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
