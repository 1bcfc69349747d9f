using Friender.Application.Common.Abstractions;
using Friender.Application.Realtime;
using Friender.Domain.Messaging;
using Friender.Infrastructure.Persistence.Sql;
using Friender.Infrastructure.Realtime;
using Npgsql;

namespace Friender.Infrastructure.Messaging;

/// <summary>
/// Each write is one statement (Persistence/Sql/append_message.sql, mark_conversation_read.sql), so one transaction:
/// the data, the match's activity and the journaled live event that tells the other person commit together or not at
/// all; with Redis fan-out the event is published once the statement returns (<see cref="ILiveFanOut"/>).
/// </summary>
internal sealed class PostgresMessageLedger(NpgsqlDataSource database, ILiveFanOut fanOut) : IMessageLedger
{
    private static readonly SqlStatement Append = SqlStatement.Load("append_message.sql");
    private static readonly SqlStatement MarkRead = SqlStatement.Load("mark_conversation_read.sql");

    public async Task<string?> AppendAsync(Message message, CancellationToken cancellationToken)
    {
        // The recipient is the match's other person, which the statement reads under the match's lock and writes into the event.
        var sent = new MessageSentEvent(Guid.Empty, message.MatchId, message.Id);
        await using var command = Append.CreateCommand(
            database,
            SqlStatement.Value(message.Id),
            SqlStatement.Value(message.MatchId),
            SqlStatement.Value(message.SenderId),
            SqlStatement.Value(message.Body),
            SqlStatement.Value(message.SentAt),
            SqlStatement.Value(fanOut.TransactionChannel),
            SqlStatement.Value(RealtimeChannel.Encode(sent)));

        string? senderName;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            sent = sent with { RecipientId = reader.GetGuid(3), Position = reader.GetInt64(1) };
            senderName = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
        }

        await fanOut.CommittedAsync([sent], cancellationToken);
        return senderName;
    }

    public async Task<int> MarkReadAsync(Guid matchId, Guid readerId, Guid senderId, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        var read = new ConversationReadEvent(senderId, matchId, readerId, readAt);
        await using var command = MarkRead.CreateCommand(
            database,
            SqlStatement.Value(matchId),
            SqlStatement.Value(senderId),
            SqlStatement.Value(readAt),
            SqlStatement.Value(fanOut.TransactionChannel),
            SqlStatement.Value(RealtimeChannel.Encode(read)));

        int marked;
        long? position;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            marked = reader.GetInt32(0);
            position = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        }

        if (position is not null)
            await fanOut.CommittedAsync([read with { Position = position }], cancellationToken);
        return marked;
    }
}
