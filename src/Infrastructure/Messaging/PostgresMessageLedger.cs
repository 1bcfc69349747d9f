using Friender.Application.Common.Abstractions;
using Friender.Application.Realtime;
using Friender.Domain.Messaging;
using Friender.Infrastructure.Realtime;
using Npgsql;

namespace Friender.Infrastructure.Messaging;

/// <summary>
/// Each write is one statement, so one transaction: the data, the match's activity and the NOTIFY that tells the other
/// person commit together or not at all.
/// </summary>
internal sealed class PostgresMessageLedger(NpgsqlDataSource database) : IMessageLedger
{
    // The match is re-checked inside the statement: an unmatch or block that commits between the handler's check and
    // this insert leaves no row to update, so the message is refused instead of landing in an ended match.
    private const string Append = """
        WITH touched AS (
            UPDATE matches SET last_activity_at = GREATEST(last_activity_at, $5)
            WHERE id = $2 AND ended_at IS NULL
            RETURNING id
        ), stored AS (
            INSERT INTO messages (id, match_id, sender_id, body, sent_at)
            SELECT $1, id, $3, $4, $5 FROM touched
            RETURNING id
        )
        SELECT stored.id, pg_notify($6, $7) FROM stored
        """;

    private const string MarkRead = """
        WITH marked AS (
            UPDATE messages SET read_at = $3
            WHERE match_id = $1 AND sender_id = $2 AND read_at IS NULL AND sent_at <= $3
            RETURNING 1
        ), counted AS (
            SELECT count(*)::int AS marked FROM marked
        )
        SELECT marked, (SELECT count(*) FROM (SELECT pg_notify($4, $5) WHERE counted.marked > 0) notified) FROM counted
        """;

    public async Task<bool> AppendAsync(Message message, Guid recipientId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Append);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.MatchId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.SenderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Body });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = message.SentAt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RealtimeChannel.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RealtimeChannel.Encode(new MessageSentEvent(recipientId, message.MatchId, message.Id)) });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken);
    }

    public async Task<int> MarkReadAsync(Guid matchId, Guid readerId, Guid senderId, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(MarkRead);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = matchId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = senderId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = readAt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RealtimeChannel.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RealtimeChannel.Encode(new ConversationReadEvent(senderId, matchId, readerId, readAt)) });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt32(0);
    }
}
