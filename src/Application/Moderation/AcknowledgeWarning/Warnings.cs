using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.AcknowledgeWarning;

public sealed record WarningDto(Guid Id, string Reason, DateTimeOffset CreatedAt, bool Appealed);

/// <summary>The caller's warnings not yet acknowledged, oldest first: the app shows them when it opens.</summary>
public sealed record GetMyWarningsQuery : IQuery<IReadOnlyList<WarningDto>>;

public sealed class GetMyWarningsHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyWarningsQuery, IReadOnlyList<WarningDto>>
{
    public async ValueTask<IReadOnlyList<WarningDto>> Handle(GetMyWarningsQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        return await db.ModerationWarnings.AsNoTracking()
            .Where(warning => warning.UserId == me && warning.AcknowledgedAt == null)
            .OrderBy(warning => warning.CreatedAt)
            .Select(warning => new WarningDto(warning.Id, warning.Reason, warning.CreatedAt, db.Appeals.Any(appeal => appeal.ActionId == warning.ActionId)))
            .ToListAsync(cancellationToken);
    }
}

public sealed record AcknowledgeWarningCommand(Guid WarningId) : ICommand<WarningDto>;

public sealed class AcknowledgeWarningHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AcknowledgeWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(AcknowledgeWarningCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var warning = await db.ModerationWarnings.SingleOrDefaultAsync(candidate => candidate.Id == command.WarningId && candidate.UserId == me, cancellationToken)
            ?? throw new NotFoundException("That warning");
        warning.Acknowledge(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new WarningDto(warning.Id, warning.Reason, warning.CreatedAt, await db.Appeals.AnyAsync(appeal => appeal.ActionId == warning.ActionId, cancellationToken));
    }
}
