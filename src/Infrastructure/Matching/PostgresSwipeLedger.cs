using Friender.Application.Common.Abstractions;
using Friender.Domain.Matching;
using Friender.Infrastructure.Persistence.Sql;
using Npgsql;

namespace Friender.Infrastructure.Matching;

/// <summary>
/// Calls <c>swipe_if_showable</c> (Persistence/Sql/call_swipe_if_showable.sql, Functions/swipe_if_showable.sql): the
/// visibility check, the insert, the check for the other person's yes and the lock that makes simultaneous yeses see
/// each other run in one round trip and one transaction.
/// </summary>
internal sealed class PostgresSwipeLedger(NpgsqlDataSource database) : ISwipeLedger
{
    private static readonly SqlStatement Record = SqlStatement.Load("call_swipe_if_showable.sql");

    public async Task<SwipeRecording> RecordAsync(Swipe swipe, CancellationToken cancellationToken)
    {
        await using var command = Record.CreateCommand(
            database,
            SqlStatement.Value(swipe.SwiperId),
            SqlStatement.Value(swipe.TargetId),
            SqlStatement.Value((short)swipe.Decision),
            SqlStatement.Value(swipe.CreatedAt));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var outcome = (SwipeOutcome)reader.GetInt16(0);
        var theirYes = reader.IsDBNull(1)
            ? null
            : Swipe.Create(swipe.TargetId, swipe.SwiperId, SwipeDecision.Yes, reader.GetFieldValue<DateTimeOffset>(1));
        return new SwipeRecording(outcome, theirYes);
    }
}
