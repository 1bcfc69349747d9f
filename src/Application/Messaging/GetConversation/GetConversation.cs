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

public sealed class GetConversationHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetConversationQuery, Connection<MessageDto>>
{
    private const string CursorKind = "message";

    public async ValueTask<Connection<MessageDto>> Handle(GetConversationQuery query, CancellationToken cancellationToken)
    {
        var match = await Conversations.OpenToAsync(db, query.MatchId, currentUser.Id!.Value, cancellationToken);

        var messages = db.Messages.AsNoTracking().Where(message => message.MatchId == match.Id);
        if (query.Before is not null)
        {
            var (value, id) = Cursors.Decode(CursorKind, query.Before, "before");
            var sentAt = Cursors.ParseInstant(value, "before");
            messages = messages.Where(message => message.SentAt < sentAt || (message.SentAt == sentAt && message.Id < id));
        }

        var newestFirst = await messages
            .OrderByDescending(message => message.SentAt).ThenByDescending(message => message.Id)
            .Take(query.Last + 1)
            .Shown(db)
            .ToListAsync(cancellationToken);
        return Connection<MessageDto>.FromLast(newestFirst, query.Last,
            message => Cursors.Encode(CursorKind, Cursors.Instant(message.SentAt), message.Id));
    }
}
