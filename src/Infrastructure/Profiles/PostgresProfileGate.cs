using System.Collections.Concurrent;
using Friender.Application.Common.Abstractions;
using Friender.Infrastructure.Persistence.Sql;
using Npgsql;

namespace Friender.Infrastructure.Profiles;

/// <summary>
/// Asked before every discovery and swipe. A profile, once complete, stays complete (<c>Profile.CompletedAt</c> is
/// set once and never cleared), so a yes is remembered and costs no round trip after the first; a no is always asked
/// again. The memory is bounded: when full it is forgotten and refilled from the database.
/// </summary>
internal sealed class PostgresProfileGate(NpgsqlDataSource database) : IProfileGate
{
    /// <summary>A few megabytes of entries.</summary>
    public const int Capacity = 100_000;

    private static readonly SqlStatement IsComplete = SqlStatement.Load("is_profile_complete.sql");

    private readonly ConcurrentDictionary<Guid, bool> _complete = new();

    public async Task<bool> IsCompleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_complete.ContainsKey(userId))
            return true;

        await using var command = IsComplete.CreateCommand(database, SqlStatement.Value(userId));
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            return false;

        if (_complete.Count >= Capacity)
            _complete.Clear();
        _complete.TryAdd(userId, true);
        return true;
    }
}
