using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.GetMe;

public sealed record GetMeQuery : IQuery<MeDto?>, IAllowAnonymous;

public sealed class GetMeHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, MeDto?>
{
    public async ValueTask<MeDto?> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
            return null;

        return await db.Users
            .Where(user => user.Id == userId)
            .Select(user => new MeDto(
                user.Id,
                user.Username,
                user.Email,
                user.CreatedAt,
                db.Profiles.Any(profile => profile.UserId == user.Id && profile.CompletedAt != null),
                db.Moderators.Any(moderator => moderator.UserId == user.Id)))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
