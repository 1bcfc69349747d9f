using System.Collections.Concurrent;
using System.Diagnostics;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Accounts;

/// <summary>
/// The token check asks memory while the listening connection is up and has loaded every revocation, and Postgres
/// while it is not: no request pays a round trip for it, and no revoked token slips through a reconnect.
/// </summary>
public sealed class TokenCheckTests(FrienderApiFactory api) : ApiTest(api)
{
    /// <summary>Answers null, not an error, for a refused token.</summary>
    private const string Me = "{ me { id } }";

    private RevocationList Revocations => Api.Services.GetRequiredService<RevocationList>();

    [Fact]
    public async Task AnAuthenticatedRequest_ShouldAskPostgresNothingAboutItsToken()
    {
        var ana = await Client.SignUpAsync("ana");
        await WhenCurrentAsync();
        using var statements = new StatementRecorder();

        var me = await Client.SendAsync("{ __typename me { id } }", accessToken: ana.AccessToken);

        Assert.Equal(ana.UserId, me.String("me.id"));
        Assert.DoesNotContain(statements.Texts, text => text.Contains("revoked_access_tokens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhileTheListeningConnectionIsDown_ARevokedTokenShouldStillBeRefused_ByAskingPostgres()
    {
        var ana = await Client.SignUpAsync("ana");
        await WhenCurrentAsync();
        Revocations.Lost();
        try
        {
            // A revocation whose event this process never heard: only Postgres knows.
            await RevokeBehindTheListenersBackAsync(ana.AccessToken);
            using var statements = new StatementRecorder();

            var me = await Client.SendAsync(Me, accessToken: ana.AccessToken);

            Assert.Null(me.Body["data"]!["me"]);
            Assert.Contains(statements.Texts, text => text.Contains("revoked_access_tokens", StringComparison.Ordinal));
        }
        finally
        {
            await ReloadAsync();
        }
    }

    [Fact]
    public async Task OnReconnect_TheListShouldLoadRevocationsItMissed_BeforeItIsTrustedAgain()
    {
        var ana = await Client.SignUpAsync("ana");
        await WhenCurrentAsync();
        Revocations.Lost();
        await RevokeBehindTheListenersBackAsync(ana.AccessToken);

        await ReloadAsync();
        var me = await Client.SendAsync(Me, accessToken: ana.AccessToken);

        Assert.True(Revocations.IsCurrent);
        Assert.Null(me.Body["data"]!["me"]);
    }

    [Fact]
    public async Task LogOut_ShouldBeRefusedFromMemory_TheMomentItAnswers()
    {
        var ana = await Client.SignUpAsync("ana");
        await WhenCurrentAsync();

        await Client.SendAsync("mutation($t: String!) { logOut(input: { refreshToken: $t }) { loggedOut } }", new { t = ana.RefreshToken }, ana.AccessToken);
        using var statements = new StatementRecorder();
        var me = await Client.SendAsync(Me, accessToken: ana.AccessToken);

        Assert.Null(me.Body["data"]!["me"]);
        Assert.DoesNotContain(statements.Texts, text => text.Contains("revoked_access_tokens", StringComparison.Ordinal));
    }

    private async Task WhenCurrentAsync()
    {
        for (var attempt = 0; attempt < 100 && !Revocations.IsCurrent; attempt++)
            await Task.Delay(50);
        Assert.True(Revocations.IsCurrent, "the listening connection never loaded the revocations");
    }

    /// <summary>What the listening connection does after each LISTEN.</summary>
    private async Task ReloadAsync()
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await Revocations.LoadAsync(connection, CancellationToken.None);
    }

    private async Task RevokeBehindTheListenersBackAsync(string accessToken)
    {
        var claims = await Api.Services.GetRequiredService<JwtTokenService>().ReadAsync(accessToken);
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var revoke = new NpgsqlCommand("INSERT INTO revoked_access_tokens (token_id, expires_at) VALUES ($1, now() + interval '15 minutes')", connection);
        revoke.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claims!.TokenId });
        await revoke.ExecuteNonQueryAsync();
    }

    /// <summary>The SQL every Npgsql command of this process runs while it is alive.</summary>
    private sealed class StatementRecorder : IDisposable
    {
        private readonly ConcurrentQueue<string> _texts = new();
        private readonly ActivityListener _listener;

        public StatementRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if ((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string text)
                        _texts.Enqueue(text);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyCollection<string> Texts => _texts;

        public void Dispose() => _listener.Dispose();
    }
}
