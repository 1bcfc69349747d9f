using Friender.Application.Common.Abstractions;
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Friender.Infrastructure.Auth;

/// <summary>
/// Fixed-window attempt counters in Postgres, so every API replica sees the same counts; one atomic upsert per
/// attempt counts the account and the client address together (Persistence/Sql/count_login_attempt.sql).
/// </summary>
public sealed class PostgresLoginThrottle(NpgsqlDataSource database, IOptions<LoginThrottleOptions> options, TimeProvider clock)
    : ILoginThrottle
{
    private static readonly SqlStatement CountAttempt = SqlStatement.Load("count_login_attempt.sql");
    private static readonly SqlStatement ClearAttempts = SqlStatement.Load("clear_login_attempts.sql");

    private readonly LoginThrottleOptions _options = options.Value;

    public async ValueTask<LoginThrottleVerdict> RegisterAttemptAsync(
        string account, string? ipAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var accountKey = AccountKey(account);
        string[] keys = [accountKey, AddressKey(ipAddress)];

        await using var command = CountAttempt.CreateCommand(
            database, SqlStatement.Value(now), SqlStatement.Value(now - _options.Window), SqlStatement.Value(keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var blocked = TimeSpan.Zero;
        while (await reader.ReadAsync(cancellationToken))
        {
            var limit = reader.GetString(0) == accountKey ? _options.MaxAttemptsPerAccount : _options.MaxAttemptsPerAddress;
            if (reader.GetInt32(2) > limit)
            {
                var remaining = reader.GetFieldValue<DateTimeOffset>(1) + _options.Window - now;
                blocked = remaining > blocked ? remaining : blocked;
            }
        }

        return blocked > TimeSpan.Zero ? new LoginThrottleVerdict(false, blocked) : LoginThrottleVerdict.Allow;
    }

    public async ValueTask RegisterSuccessAsync(string account, string? ipAddress, CancellationToken cancellationToken)
    {
        await using var command = ClearAttempts.CreateCommand(
            database, SqlStatement.Value(AccountKey(account)), SqlStatement.Value(AddressKey(ipAddress)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string AccountKey(string account) => "account:" + account;

    private static string AddressKey(string? ipAddress) => "address:" + (ipAddress ?? "unknown");
}
