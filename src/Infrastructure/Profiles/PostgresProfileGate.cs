using Friender.Application.Common.Abstractions;
using Npgsql;

namespace Friender.Infrastructure.Profiles;

/// <summary>One indexed lookup on the raw pool: the pipeline asks it before every discovery and swipe.</summary>
internal sealed class PostgresProfileGate(NpgsqlDataSource database) : IProfileGate
{
    public async Task<bool> IsCompleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT completed_at IS NOT NULL FROM profiles WHERE user_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
