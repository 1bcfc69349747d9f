using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Common.Abstractions;

public interface IAppDbContext
{
    DbSet<User> Users { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<RevokedAccessToken> RevokedAccessTokens { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
