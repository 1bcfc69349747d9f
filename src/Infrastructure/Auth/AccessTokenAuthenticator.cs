using System.Security.Claims;
using Friender.Application.Common.Resilience;
using Friender.Infrastructure.Persistence.Sql;
using Npgsql;

namespace Friender.Infrastructure.Auth;

/// <summary>
/// Turns a bearer token into a principal, refusing tokens revoked by a log-out and tokens of deleted accounts, and
/// marking those of suspended accounts (<see cref="AccessTokenClaims.SuspendedClaim"/>). It runs
/// on every authenticated request, so it asks memory (<see cref="RevocationList"/>) while that is whole, and Postgres
/// (straight through Npgsql) only while the listening connection is down, trying again through a database restart
/// (<see cref="DatabaseRetry"/>).
/// </summary>
public sealed class AccessTokenAuthenticator(JwtTokenService tokens, RevocationList revocations, NpgsqlDataSource database, DatabaseRetry retry)
{
    private static readonly SqlStatement Check = SqlStatement.Load("check_access_token.sql");

    public async Task<ClaimsPrincipal?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var claims = await tokens.ReadAsync(token);
        if (claims is null)
            return null;
        if (revocations.IsCurrent)
        {
            return revocations.Refuses(claims.TokenId, claims.UserId) ? null
                : claims.ToPrincipal(suspended: revocations.IsSuspended(claims.UserId));
        }

        var (revoked, suspended) = await retry.ReadAsync(
            async cancel =>
            {
                await using var command = Check.CreateCommand(database, SqlStatement.Value(claims.TokenId), SqlStatement.Value(claims.UserId));
                await using var reader = await command.ExecuteReaderAsync(cancel);
                await reader.ReadAsync(cancel);
                return (reader.GetBoolean(0), reader.GetBoolean(1));
            },
            cancellationToken);
        return revoked ? null : claims.ToPrincipal(suspended);
    }
}
