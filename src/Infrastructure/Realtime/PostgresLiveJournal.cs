using Friender.Application.Realtime;
using Friender.Infrastructure.Persistence.Sql;
using Npgsql;

namespace Friender.Infrastructure.Realtime;

/// <summary>Reads a person's kept live events back (read_live_events.sql), always from the primary's data source.</summary>
internal sealed class PostgresLiveJournal(NpgsqlDataSource database) : ILiveJournal
{
    private static readonly SqlStatement Read = SqlStatement.Load("read_live_events.sql");

    public async Task<LiveJournalPage> ReadAsync(Guid recipientId, long after, int limit, CancellationToken cancellationToken)
    {
        await using var command = Read.CreateCommand(database, SqlStatement.Value(recipientId), SqlStatement.Value(after), SqlStatement.Value(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<RealtimeEvent>();
        long head = 0, prunedThrough = 0, readThrough = after;
        while (await reader.ReadAsync(cancellationToken))
        {
            head = reader.GetInt64(0);
            prunedThrough = reader.GetInt64(1);
            if (reader.IsDBNull(2))
                continue;
            // An event this version cannot read is skipped, but the page still reaches past it.
            readThrough = reader.GetInt64(2);
            if (RealtimeChannel.Decode(reader.GetString(3)) is { } decoded)
                events.Add(decoded with { Position = readThrough });
        }

        return new LiveJournalPage(events, head, prunedThrough, readThrough);
    }
}
