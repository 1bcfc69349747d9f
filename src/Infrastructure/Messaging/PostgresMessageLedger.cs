using Friender.Application.Common.Abstractions;
using Friender.Application.Realtime;
using Friender.Domain.Messaging;
using Friender.Infrastructure.Persistence.Sql;
using Friender.Infrastructure.Realtime;
using Npgsql;

namespace Friender.Infrastructure.Messaging;

/// <summary>
/// Each write is one statement (Persistence/Sql/append_message.sql, mark_conversation_read.sql), so one transaction:
/// the data, the match's activity and the NOTIFY that tells the other person commit together or not at all.
/// </summary>
internal sealed class PostgresMessageLedger(NpgsqlDataSource database) : IMessageLedger
{
    private static readonly SqlStatement Append = SqlStatement.Load("append_message.sql");
    private static readonly SqlStatement MarkRead = SqlStatement.Load("mark_conversation_read.sql");

    public async Task<string?> AppendAsync(Message message, Guid recipientId, CancellationToken cancellationToken)
    {
        await using var command = Append.CreateCommand(
            database,
            SqlStatement.Value(message.Id),
            SqlStatement.Value(message.MatchId),
            SqlStatement.Value(message.SenderId),
            SqlStatement.Value(message.Body),
            SqlStatement.Value(message.SentAt),
            SqlStatement.Value(RealtimeChannel.Name),
            SqlStatement.Value(RealtimeChannel.Encode(new MessageSentEvent(recipientId, message.MatchId, message.Id))));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.IsDBNull(2) ? string.Empty : reader.GetString(2)) : null;
    }

    public async Task<int> MarkReadAsync(Guid matchId, Guid readerId, Guid senderId, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        await using var command = MarkRead.CreateCommand(
            database,
            SqlStatement.Value(matchId),
            SqlStatement.Value(senderId),
            SqlStatement.Value(readAt),
            SqlStatement.Value(RealtimeChannel.Name),
            SqlStatement.Value(RealtimeChannel.Encode(new ConversationReadEvent(senderId, matchId, readerId, readAt))));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt32(0);
    }
}
