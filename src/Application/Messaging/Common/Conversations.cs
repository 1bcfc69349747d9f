using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Matching;
using Friender.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Messaging.Common;

internal static class Conversations
{
    /// <summary>
    /// The match whose conversation <paramref name="userId"/> wants: NOT_FOUND unless they are in it (so nobody learns
    /// that someone else's match exists), NOT_MATCHED once it has ended, MATCH_FROZEN while one of the two is suspended.
    /// </summary>
    public static async Task<Match> OpenToAsync(IAppDbContext db, Guid matchId, Guid userId, CancellationToken cancellationToken)
    {
        var match = await InvolvingAsync(db, matchId, userId, cancellationToken);
        match.EnsureOpenTo(userId);
        return match;
    }

    /// <summary>As <see cref="OpenToAsync"/>, but a frozen match (one of the two suspended) can still be read.</summary>
    public static async Task<Match> ReadableByAsync(IAppDbContext db, Guid matchId, Guid userId, CancellationToken cancellationToken)
    {
        var match = await InvolvingAsync(db, matchId, userId, cancellationToken);
        match.EnsureReadableBy(userId);
        return match;
    }

    private static async Task<Match> InvolvingAsync(IAppDbContext db, Guid matchId, Guid userId, CancellationToken cancellationToken)
    {
        var match = await db.Matches.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == matchId, cancellationToken);
        return match is null || !match.Involves(userId) ? throw new NotFoundException("That match") : match;
    }

    /// <summary>Messages as clients see them, with their sender's display name.</summary>
    public static IQueryable<MessageDto> Shown(this IQueryable<Message> messages, IAppDbContext db) =>
        from message in messages
        join profile in db.Profiles on message.SenderId equals profile.UserId into senders
        from sender in senders.DefaultIfEmpty()
        select new MessageDto(
            message.Id,
            message.MatchId,
            new MessageSenderDto(message.SenderId, sender == null ? string.Empty : sender.DisplayName),
            message.Body,
            message.SentAt,
            message.ReadAt);
}
