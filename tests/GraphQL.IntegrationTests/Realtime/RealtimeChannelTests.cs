using System.Text;
using Friender.Application.Realtime;
using Friender.Infrastructure.Realtime;

namespace Friender.GraphQL.IntegrationTests.Realtime;

public sealed class RealtimeChannelTests
{
    public static TheoryData<RealtimeEvent> Events => new()
    {
        new MessageSentEvent(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()),
        new MatchCreatedEvent(Guid.CreateVersion7(), Guid.CreateVersion7()),
        new TypingStartedEvent(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()),
        new ConversationReadEvent(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), new DateTimeOffset(2026, 11, 28, 12, 0, 0, 123, TimeSpan.Zero)),
        new AccessTokenRevokedEvent(Guid.CreateVersion7(), Guid.CreateVersion7()),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Decode_OfEncode_ShouldGiveTheSameEventInWellUnderTheNotifyPayloadCap(RealtimeEvent realtimeEvent)
    {
        var payload = RealtimeChannel.Encode(realtimeEvent);

        Assert.Equal(realtimeEvent, RealtimeChannel.Decode(payload));
        Assert.True(Encoding.UTF8.GetByteCount(payload) < 300, payload);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"k":"message","r":"0193a4b2-0000-7000-8000-000000000001"}""")]
    [InlineData("""{"k":"from-a-newer-version","r":"0193a4b2-0000-7000-8000-000000000001"}""")]
    [InlineData("""{"k":"typing","r":"not a guid","m":"0193a4b2-0000-7000-8000-000000000002","x":"0193a4b2-0000-7000-8000-000000000003"}""")]
    public void Decode_OfSomethingElse_ShouldBeNull(string payload) => Assert.Null(RealtimeChannel.Decode(payload));
}
