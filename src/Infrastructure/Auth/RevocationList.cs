using System.Collections.Concurrent;
using Friender.Application.Realtime;
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Friender.Infrastructure.Auth;

/// <summary>
/// The access tokens and accounts refused before their tokens expire, in this process's memory, so that an
/// authenticated request costs no round trip to Postgres. It is only trusted while it is whole: loaded from Postgres
/// each time the listening connection (re)connects, right after its LISTEN, and kept up to date by the revocation
/// events that connection hears (each sent in the transaction that stores the revocation). While that connection is
/// down, <see cref="IsCurrent"/> is false and <see cref="AccessTokenAuthenticator"/> asks Postgres instead, so no
/// revoked token is accepted during a reconnect.
/// </summary>
public sealed class RevocationList(IOptions<JwtOptions> options, TimeProvider clock)
{
    private static readonly SqlStatement Load = SqlStatement.Load("load_revocations.sql");

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _tokens = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _accounts = new();
    private readonly ConcurrentDictionary<Guid, byte> _suspended = new();
    private volatile bool _current;
    private int _applied;

    /// <summary>Whether every revocation committed since the listening connection last connected is here.</summary>
    public bool IsCurrent => _current;

    public int Count => _tokens.Count + _accounts.Count + _suspended.Count;

    /// <summary>Whether the token, or every token of its account, was revoked. Meaningful only while <see cref="IsCurrent"/>.</summary>
    public bool Refuses(Guid tokenId, Guid userId) => _tokens.ContainsKey(tokenId) || _accounts.ContainsKey(userId);

    /// <summary>
    /// Whether the account has a suspension or ban on record (ended or not: the request's own check reads until when).
    /// Meaningful only while <see cref="IsCurrent"/>.
    /// </summary>
    public bool IsSuspended(Guid userId) => _suspended.ContainsKey(userId);

    /// <summary>A revocation heard of: kept for as long as a token issued before it could be accepted.</summary>
    public void Apply(AccessTokenRevokedEvent revoked)
    {
        if (revoked.AccessTokenId == AccessTokenRevokedEvent.Suspended)
        {
            _suspended[revoked.RecipientId] = 0;
            return;
        }

        if (revoked.AccessTokenId == AccessTokenRevokedEvent.Restored)
        {
            _suspended.TryRemove(revoked.RecipientId, out _);
            return;
        }

        var until = clock.GetUtcNow() + options.Value.AccessTokenLifetime + JwtTokenService.ClockSkew;
        if (revoked.AccessTokenId == AccessTokenRevokedEvent.AllTokens)
            _accounts[revoked.RecipientId] = until;
        else
            _tokens[revoked.AccessTokenId] = until;
        if (Interlocked.Increment(ref _applied) % 1024 == 0)
            Forget(clock.GetUtcNow());
    }

    /// <summary>
    /// After LISTEN on <paramref name="listening"/>: adds every revocation still in force, then trusts the list. Events
    /// that arrive meanwhile are added too; nothing is replaced, so none is lost between the LISTEN and the load.
    /// </summary>
    public async Task LoadAsync(NpgsqlConnection listening, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var command = Load.CreateCommand(listening, SqlStatement.Value(now)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetInt32(0))
                {
                    case 0:
                        _tokens[reader.GetGuid(1)] = reader.GetFieldValue<DateTimeOffset>(2);
                        break;
                    case 1:
                        _accounts[reader.GetGuid(1)] = reader.GetFieldValue<DateTimeOffset>(2);
                        break;
                    default:
                        _suspended[reader.GetGuid(1)] = 0;
                        break;
                }
            }
        }

        Forget(now);
        _current = true;
    }

    /// <summary>The listening connection is gone: events may be missed from now on, so Postgres is asked instead.</summary>
    public void Lost() => _current = false;

    /// <summary>Drops revocations whose tokens have all expired.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (id, until) in _tokens)
        {
            if (until <= now)
                _tokens.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(id, until));
        }

        foreach (var (id, until) in _accounts)
        {
            if (until <= now)
                _accounts.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(id, until));
        }
    }
}
