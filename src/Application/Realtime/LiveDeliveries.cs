using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Discovery.Common;
using Friender.Application.Matching.Common;
using Friender.Application.Messaging.Common;
using Friender.Domain.Matching;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Realtime;

/// <summary>
/// Turns a batch of events into what each recipient may see, checked at delivery time: an event about a match reaches
/// a person only while that match is open to them (<see cref="Match.IsOpenTo"/>), so after an unmatch or a block
/// nothing more of it arrives, even on subscriptions opened before.
/// </summary>
public sealed class LiveDeliveries(IAppDbContext db, CandidateViews views)
{
    public async Task<IReadOnlyList<LiveDelivery>> ResolveAsync(IReadOnlyList<RealtimeEvent> events, CancellationToken cancellationToken)
    {
        var matchIds = events.Select(MatchIdOf).OfType<Guid>().Distinct().ToList();
        var matches = matchIds.Count == 0
            ? []
            : await db.Matches.AsNoTracking().Where(match => matchIds.Contains(match.Id)).ToDictionaryAsync(match => match.Id, cancellationToken);
        var messageIds = events.OfType<MessageSentEvent>().Select(sent => sent.MessageId).Distinct().ToList();
        var messages = messageIds.Count == 0
            ? []
            : await db.Messages.AsNoTracking().Where(message => messageIds.Contains(message.Id)).Shown(db)
                .ToDictionaryAsync(message => message.Id, cancellationToken);

        bool OpenBetween(Guid matchId, Guid recipientId, Guid actorId) =>
            recipientId != actorId && matches.TryGetValue(matchId, out var match) && match.IsOpenTo(recipientId) && match.IsOpenTo(actorId);

        var deliveries = new List<LiveDelivery>(events.Count);
        foreach (var realtimeEvent in events)
        {
            switch (realtimeEvent)
            {
                case MessageSentEvent sent when messages.TryGetValue(sent.MessageId, out var message)
                                                && message.MatchId == sent.MatchId
                                                && OpenBetween(sent.MatchId, sent.RecipientId, message.Sender.Id):
                    deliveries.Add(new LiveDelivery(sent, message));
                    break;
                case TypingStartedEvent typing when OpenBetween(typing.MatchId, typing.RecipientId, typing.TypistId):
                    deliveries.Add(new LiveDelivery(typing, new TypingDto(typing.MatchId, typing.TypistId)));
                    break;
                case ConversationReadEvent read when OpenBetween(read.MatchId, read.RecipientId, read.ReaderId):
                    deliveries.Add(new LiveDelivery(read, new ConversationReadDto(read.MatchId, read.ReaderId, read.ReadAt)));
                    break;
                case MatchCreatedEvent created when matches.TryGetValue(created.MatchId, out var match) && match.IsOpenTo(created.RecipientId):
                    if (await ShowAsync(match, created.RecipientId, cancellationToken) is { } shown)
                        deliveries.Add(new LiveDelivery(created, shown));
                    break;
                case MatchEndedEvent ended when matches.TryGetValue(ended.MatchId, out var endedMatch) && endedMatch.Involves(ended.RecipientId)
                                                && endedMatch.EndedAt is { } endedAt:
                    deliveries.Add(new LiveDelivery(ended, new MatchEndedDto(endedMatch.Id, endedAt)));
                    break;
                case AccessTokenRevokedEvent revoked:
                    deliveries.Add(new LiveDelivery(revoked, revoked));
                    break;
            }
        }

        return deliveries;
    }

    /// <summary>A new match as its recipient sees it; matches are rare next to messages, so one at a time is fine.</summary>
    private async Task<MatchDto?> ShowAsync(Match match, Guid recipientId, CancellationToken cancellationToken)
    {
        try
        {
            var viewer = await views.ViewerAsync(recipientId, cancellationToken);
            var other = await views.BuildAsync(viewer, [match.OtherThan(recipientId)], cancellationToken);
            return other.Count == 1 ? new MatchDto(match.Id, other[0], match.CreatedAt) : null;
        }
        catch (AppException)
        {
            return null;
        }
    }

    private static Guid? MatchIdOf(RealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        MessageSentEvent sent => sent.MatchId,
        TypingStartedEvent typing => typing.MatchId,
        ConversationReadEvent read => read.MatchId,
        MatchCreatedEvent created => created.MatchId,
        MatchEndedEvent ended => ended.MatchId,
        _ => null,
    };
}
