using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Paging;
using Friender.Application.Messaging.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Messaging.GetConversation;

/// <summary>A conversation read backwards from the newest message: each page is oldest-first within itself.</summary>
public sealed record GetConversationQuery(Guid MatchId, int Last = GetConversationQuery.DefaultLast, string? Before = null)
    : IQuery<Connection<MessageDto>>
{
    public const int DefaultLast = 30;
    public const int MaxLast = 100;
}

public sealed class GetConversationValidator : AbstractValidator<GetConversationQuery>
{
    public GetConversationValidator()
    {
        RuleFor(x => x.MatchId).NotEmpty().WithMessage("Say which match's conversation to read.");
        RuleFor(x => x.Last).InclusiveBetween(1, GetConversationQuery.MaxLast)
            .WithMessage($"Ask for 1-{GetConversationQuery.MaxLast} messages at a time.");
    }
}

/// <summary>
/// The match is always checked on the primary (an unmatch or block shuts the conversation at once); the newest page is
/// read there too, and an older page from the standby once it holds all of it (<see cref="IConversationArchive"/>).
/// </summary>
public sealed class GetConversationHandler(IAppDbContext db, ICurrentUser currentUser, IConversationArchive archive)
    : IQueryHandler<GetConversationQuery, Connection<MessageDto>>
{
    private const string CursorKind = "message";

    public async ValueTask<Connection<MessageDto>> Handle(GetConversationQuery query, CancellationToken cancellationToken)
    {
        var match = await Conversations.ReadableByAsync(db, query.MatchId, currentUser.Id!.Value, cancellationToken);
        var before = query.Before is null ? ((DateTimeOffset, Guid)?)null : DecodeBefore(query.Before);

        var newestFirst = before is var (sentAt, id)
            && await archive.TryReadBeforeAsync(match.Id, sentAt, id, query.Last + 1, cancellationToken) is { } archived
            ? archived
            : await PageAsync(db, match.Id, before, query.Last + 1, cancellationToken);
        return Connection<MessageDto>.FromLast(newestFirst, query.Last,
            message => Cursors.Encode(CursorKind, Cursors.Instant(message.SentAt), message.Id));
    }

    /// <summary>The page on the primary, newest first (older_messages.sql reads the standby the same way; a parity test holds them together).</summary>
    public static async Task<IReadOnlyList<MessageDto>> PageAsync(
        IAppDbContext db, Guid matchId, (DateTimeOffset SentAt, Guid Id)? before, int take, CancellationToken cancellationToken)
    {
        var messages = db.Messages.AsNoTracking().Where(message => message.MatchId == matchId);
        if (before is var (sentAt, id))
            messages = messages.Where(message => message.SentAt < sentAt || (message.SentAt == sentAt && message.Id < id));

        return await messages
            .OrderByDescending(message => message.SentAt).ThenByDescending(message => message.Id)
            .Take(take)
            .Shown(db)
            .ToListAsync(cancellationToken);
    }

    private static (DateTimeOffset SentAt, Guid Id) DecodeBefore(string before)
    {
        var (value, id) = Cursors.Decode(CursorKind, before, "before");
        return (Cursors.ParseInstant(value, "before"), id);
    }
}
