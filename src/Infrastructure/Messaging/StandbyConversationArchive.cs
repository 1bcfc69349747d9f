using Friender.Application.Messaging.Common;
using Friender.Infrastructure.Persistence;
using Friender.Infrastructure.Persistence.Sql;
using Npgsql;

namespace Friender.Infrastructure.Messaging;

/// <summary>
/// Older conversation pages from the standby (older_messages.sql), when one is configured and has replayed past the
/// page; otherwise, or when the standby cannot be reached, the handler reads the primary.
/// </summary>
internal sealed class StandbyConversationArchive(StandbyDataSource standby) : IConversationArchive
{
    private static readonly SqlStatement OlderMessages = SqlStatement.Load("older_messages.sql");

    public async Task<IReadOnlyList<MessageDto>?> TryReadBeforeAsync(Guid matchId, DateTimeOffset sentAt, Guid id, int take, CancellationToken cancellationToken)
    {
        if (!standby.IsStandby)
            return null;
        try
        {
            return await ReadAsync(standby.Database, matchId, sentAt, id, take, cancellationToken);
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    /// <summary>The page as older_messages.sql reads it on <paramref name="database"/>, or null when it is not settled there.</summary>
    internal static async Task<IReadOnlyList<MessageDto>?> ReadAsync(
        NpgsqlDataSource database, Guid matchId, DateTimeOffset sentAt, Guid id, int take, CancellationToken cancellationToken)
    {
        await using var command = OlderMessages.CreateCommand(
            database,
            SqlStatement.Value(matchId),
            SqlStatement.Value(sentAt),
            SqlStatement.Value(id),
            SqlStatement.Value(take),
            SqlStatement.Value(IConversationArchive.SettledAfter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<MessageDto>(take);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.GetBoolean(0))
                return null;
            if (reader.IsDBNull(1))
                continue;
            page.Add(new MessageDto(
                reader.GetGuid(1),
                matchId,
                new MessageSenderDto(reader.GetGuid(2), reader.GetString(3)),
                reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return page;
    }
}
