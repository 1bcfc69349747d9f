using Friender.Application.Common.Abstractions;
using Friender.Application.Messaging.SendMessage;
using Friender.Domain.Common;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Messaging;

/// <summary>
/// A send cut off by the database may have committed, and is run again (DatabaseRetryBehavior, IIdempotentCommand):
/// the same command stores its message once, tells the other person once, and answers both times with that message.
/// </summary>
public sealed class SendMessageIdempotencyTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task TheSameSend_RunTwice_ShouldStoreAndAnnounceOneMessage_AndAnswerWithItBothTimes()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var command = new SendMessageCommand(Guid.Parse(matchId), "only once");

        var first = await SendAsync(ana, command);
        var again = await SendAsync(ana, command);
        var another = await SendAsync(ana, new SendMessageCommand(Guid.Parse(matchId), "only once"));

        Assert.Equal(command.MessageId, first.Message.Id);
        Assert.Equal(first.Message.Id, again.Message.Id);
        Assert.Equal(first.Message.SentAt, again.Message.SentAt);
        Assert.Equal(first.Message.Sender, again.Message.Sender);
        Assert.NotEqual(first.Message.Id, another.Message.Id);
        Assert.Equal(2L, await Api.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE match_id = '{matchId}'"));
        Assert.Equal(2L, await Api.ScalarAsync<long>($"SELECT count(*) FROM live_events WHERE recipient_id = '{ben.UserId}' AND event->>'k' = 'message'"));
    }

    [Fact]
    public async Task ASendRunAgain_BySomeoneElse_ShouldNotPassTheirMessageOffAsStored()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var command = new SendMessageCommand(Guid.Parse(matchId), "mine");
        await SendAsync(ana, command);

        var refusal = await Assert.ThrowsAsync<DomainException>(async () => await SendAsync(ben, command));

        Assert.Equal(DomainErrorCodes.NotMatched, refusal.Code);
        Assert.Equal(1L, await Api.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE match_id = '{matchId}'"));
    }

    private async Task<SendMessageResult> SendAsync(Session session, SendMessageCommand command)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var handler = new SendMessageHandler(
            scope.ServiceProvider.GetRequiredService<IAppDbContext>(),
            new FixedUser(Guid.Parse(session.UserId)),
            scope.ServiceProvider.GetRequiredService<IMessageLedger>(),
            TimeProvider.System);
        return await handler.Handle(command, CancellationToken.None);
    }
}
