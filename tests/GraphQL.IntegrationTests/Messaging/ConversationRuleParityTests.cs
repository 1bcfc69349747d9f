using Friender.Application.Realtime;
using Friender.Domain.Matching;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Persistence;
using Friender.Infrastructure.Persistence.Sql;
using Friender.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Messaging;

/// <summary>
/// "Who may write in a conversation" is stated twice: by the Domain (<see cref="Match.IsOpenTo"/>) and, to close the
/// race with an unmatch, by append_message.sql. They must agree in every case.
/// </summary>
public sealed class ConversationRuleParityTests(FrienderApiFactory api) : ApiTest(api)
{
    public static TheoryData<MatchState, string> Cases => new()
    {
        { MatchState.Active, "low" }, { MatchState.Active, "high" }, { MatchState.Active, "outsider" },
        { MatchState.Ended, "low" }, { MatchState.Ended, "high" }, { MatchState.Ended, "outsider" },
        { MatchState.Frozen, "low" }, { MatchState.Frozen, "high" }, { MatchState.Frozen, "outsider" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AppendMessageSql_ShouldStoreExactlyWhenTheDomainSaysTheMatchIsOpenToTheSender(MatchState state, string who)
    {
        var (ana, _, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var eve = await Client.PersonAsync("eve");
        if (state == MatchState.Ended)
            await Client.SendAsync("mutation($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }", new { id = matchId }, ana.AccessToken);
        if (state == MatchState.Frozen)
            await Api.ScalarAsync<int>($"WITH frozen AS (UPDATE matches SET frozen_at = now() WHERE id = '{matchId}' RETURNING 1) SELECT count(*)::int FROM frozen");
        var match = await LoadAsync(Guid.Parse(matchId));
        var sender = who switch { "low" => match.UserLowId, "high" => match.UserHighId, _ => Guid.Parse(eve.UserId) };

        Assert.Equal(state, match.State);
        var messageId = Guid.CreateVersion7();
        var storedBySql = await AppendAsync(match.Id, sender, messageId);

        Assert.Equal(match.IsOpenTo(sender), storedBySql);
        Assert.Equal(storedBySql ? 1L : 0L, await Api.ScalarAsync<long>("SELECT count(*) FROM messages"));
        if (storedBySql)
        {
            // The statement names the recipient itself, from the match it checked: the sender's other person.
            Assert.Equal(
                match.OtherThan(sender),
                await Api.ScalarAsync<Guid>($"SELECT recipient_id FROM live_events WHERE event->>'x' = '{messageId}'"));
        }
    }

    private async Task<Match> LoadAsync(Guid matchId)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FrienderDbContext>().Matches.AsNoTracking().SingleAsync(match => match.Id == matchId);
    }

    private async Task<bool> AppendAsync(Guid matchId, Guid senderId, Guid messageId)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(SqlStatement.Load("append_message.sql").Text, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = matchId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = senderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "parity" });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = DateTimeOffset.UtcNow });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RealtimeChannel.Name });
        // The recipient is left empty, as the API leaves it: the statement fills it in.
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RealtimeChannel.Encode(new MessageSentEvent(Guid.Empty, matchId, messageId)) });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync();
    }
}
