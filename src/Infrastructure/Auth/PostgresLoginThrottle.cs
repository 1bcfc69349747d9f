using Friender.Application.Common.Abstractions;
using Friender.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure.Auth;

/// <summary>
/// Fixed-window attempt counters in Postgres, so every API replica sees the same counts; one atomic upsert per
/// attempt counts the account and the client address together.
/// </summary>
public sealed class PostgresLoginThrottle(FrienderDbContext db, IOptions<LoginThrottleOptions> options, TimeProvider clock)
    : ILoginThrottle
{
    private readonly LoginThrottleOptions _options = options.Value;

    public async ValueTask<LoginThrottleVerdict> RegisterAttemptAsync(
        string account, string? ipAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staleBefore = now - _options.Window;
        var accountKey = AccountKey(account);
        var addressKey = AddressKey(ipAddress);

        var windows = await db.Database.SqlQuery<CounterRow>($"""
            INSERT INTO login_attempt_windows AS w (key, window_started_at, attempts)
            SELECT k, {now}, 1 FROM unnest({new[] { accountKey, addressKey }}::text[]) AS k
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN w.window_started_at <= {staleBefore} THEN 1 ELSE w.attempts + 1 END,
                window_started_at = CASE WHEN w.window_started_at <= {staleBefore} THEN {now} ELSE w.window_started_at END
            RETURNING w.key, w.window_started_at, w.attempts
            """).ToListAsync(cancellationToken);

        var blocked = windows
            .Where(window => window.Attempts > (window.Key == accountKey ? _options.MaxAttemptsPerAccount : _options.MaxAttemptsPerAddress))
            .Select(window => window.WindowStartedAt + _options.Window - now)
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();

        return blocked > TimeSpan.Zero ? new LoginThrottleVerdict(false, blocked) : LoginThrottleVerdict.Allow;
    }

    public async ValueTask RegisterSuccessAsync(string account, string? ipAddress, CancellationToken cancellationToken)
    {
        var accountKey = AccountKey(account);
        var addressKey = AddressKey(ipAddress);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM login_attempt_windows WHERE key = {accountKey};
            UPDATE login_attempt_windows SET attempts = greatest(attempts - 1, 0) WHERE key = {addressKey};
            """, cancellationToken);
    }

    private static string AccountKey(string account) => "account:" + account;

    private static string AddressKey(string? ipAddress) => "address:" + (ipAddress ?? "unknown");

    private sealed record CounterRow(string Key, DateTimeOffset WindowStartedAt, int Attempts);
}
