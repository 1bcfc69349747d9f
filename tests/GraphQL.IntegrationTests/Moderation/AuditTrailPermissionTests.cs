using Friender.GraphQL.IntegrationTests.Infrastructure;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Moderation;

/// <summary>
/// The audit trail is append-only for the API: its runtime role (the one the app in these tests connects as) may add
/// and read moderation_actions, and is refused UPDATE, DELETE and TRUNCATE by Postgres itself, while it may change the
/// tables it needs to.
/// </summary>
public sealed class AuditTrailPermissionTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task TheRuntimeRole_ShouldAppendToTheAuditTrailButNeverRewriteIt()
    {
        var ben = await Client.PersonAsync("ben");
        var mia = await Api.ModeratorAsync(Client, "mia");
        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "WARN", reason = "on the record" })).Errors);
        await using var runtime = new NpgsqlConnection(Api.RuntimeConnectionString);
        await runtime.OpenAsync();

        Assert.Equal(1L, await ScalarAsync(runtime, "SELECT count(*) FROM moderation_actions"));
        Assert.Equal(1L, await ScalarAsync(runtime, """
            WITH added AS (
              INSERT INTO moderation_actions (id, moderator_id, moderator_username, subject_id, kind, reason, report_ids, created_at)
              VALUES (gen_random_uuid(), gen_random_uuid(), 'someone', gen_random_uuid(), 'Dismiss', 'appended', '{}', now()) RETURNING 1)
            SELECT count(*) FROM added
            """));
        foreach (var rewrite in new[]
                 {
                     "UPDATE moderation_actions SET reason = 'rewritten'",
                     "DELETE FROM moderation_actions",
                     "TRUNCATE moderation_actions",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(runtime, rewrite));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal(0L, await ScalarAsync(runtime, "SELECT count(*) FROM moderation_actions WHERE reason = 'rewritten'"));
        Assert.Equal(2L, await ScalarAsync(runtime, "SELECT count(*) FROM moderation_actions"));
        // Not a role that can do nothing: the same connection changes what the API changes.
        Assert.Equal(1L, await ScalarAsync(runtime, $"WITH changed AS (UPDATE profiles SET bio = 'hello' WHERE user_id = '{ben.UserId}' RETURNING 1) SELECT count(*) FROM changed"));
        Assert.False((bool)(await ScalarAsync(runtime, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"))!);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
