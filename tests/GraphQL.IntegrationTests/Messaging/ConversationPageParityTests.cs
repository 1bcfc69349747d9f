using Friender.Application.Messaging.Common;
using Friender.Application.Messaging.GetConversation;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Messaging;
using Friender.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Messaging;

/// <summary>
/// An older conversation page is read in two places: by the handler on the primary (EF) and by older_messages.sql on
/// the standby. For every cursor, including ties in sending time, both must give the same messages in the same order
/// with the same senders and read receipts.
/// </summary>
public sealed class ConversationPageParityTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task OlderMessagesSql_ShouldReadEveryPageAsTheHandlerDoes()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var anaId = Guid.Parse(ana.UserId);
        var benId = Guid.Parse(ben.UserId);
        var match = Guid.Parse(matchId);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        // Three messages share each sending time (ordered by id then), and every third one has been read.
        for (var i = 0; i < 15; i++)
            await InsertAsync(match, i % 2 == 0 ? anaId : benId, $"m{i}", start.AddSeconds(i / 3), i % 3 == 0 ? start.AddMinutes(1) : null);

        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrienderDbContext>();
        var database = scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>();
        var everything = await GetConversationHandler.PageAsync(db, match, null, 100, CancellationToken.None);
        var cursors = everything.Select(message => (message.SentAt, message.Id)).Append((start.AddDays(1), Guid.Empty)).ToList();

        foreach (var (sentAt, id) in cursors)
        {
            foreach (var take in new[] { 1, 4, 20 })
            {
                var byHandler = await GetConversationHandler.PageAsync(db, match, (sentAt, id), take, CancellationToken.None);
                var bySql = await StandbyConversationArchive.ReadAsync(database, match, sentAt, id, take, CancellationToken.None);
                Assert.NotNull(bySql);
                Assert.Equal(byHandler, bySql);
            }
        }

        Assert.Equal(15, everything.Count);
        Assert.Contains(everything, message => message.ReadAt is not null);
        Assert.All(everything, message => Assert.NotEqual(string.Empty, message.Sender.DisplayName));
    }

    private async Task InsertAsync(Guid matchId, Guid senderId, string body, DateTimeOffset sentAt, DateTimeOffset? readAt)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO messages (id, match_id, sender_id, body, sent_at, read_at) VALUES ($1, $2, $3, $4, $5, $6)", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = matchId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = senderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = sentAt });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)readAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync();
    }
}
