using Friender.Application.Realtime;
using Friender.Infrastructure.Persistence.Sql;
using Npgsql;

namespace Friender.Infrastructure.Realtime;

internal sealed class PostgresRealtimePublisher(NpgsqlDataSource database) : IRealtimePublisher
{
    public async Task PublishAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken)
    {
        await using var command = RealtimeChannel.Notify(database, realtimeEvent);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
