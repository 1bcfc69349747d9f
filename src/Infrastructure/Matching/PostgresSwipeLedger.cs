using Friender.Application.Common.Abstractions;
using Friender.Domain.Matching;
using Npgsql;

namespace Friender.Infrastructure.Matching;

/// <summary>
/// Calls <c>record_swipe</c> (Sql/Functions/record_swipe.sql): the insert, the check for the other
/// person's yes and the lock that makes simultaneous yeses see each other run in one round trip and one transaction.
/// </summary>
internal sealed class PostgresSwipeLedger(NpgsqlDataSource database) : ISwipeLedger
{
    public async Task<SwipeRecording> RecordAsync(Swipe swipe, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT recorded, their_yes_at FROM record_swipe($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = swipe.SwiperId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = swipe.TargetId });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)swipe.Decision });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = swipe.CreatedAt });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var recorded = reader.GetBoolean(0);
        var theirYes = reader.IsDBNull(1)
            ? null
            : Swipe.Create(swipe.TargetId, swipe.SwiperId, SwipeDecision.Yes, reader.GetFieldValue<DateTimeOffset>(1));
        return new SwipeRecording(recorded, theirYes);
    }
}
