using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Matching;
using Friender.Domain.Photos;
using Friender.Domain.Profiles;
using Friender.Domain.Users;
using Friender.Infrastructure.Auth;
using Friender.Infrastructure.Discovery;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Friender.Infrastructure.Persistence;

public sealed class FrienderDbContext(DbContextOptions<FrienderDbContext> options) : DbContext(options), IAppDbContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<RevokedAccessToken> RevokedAccessTokens => Set<RevokedAccessToken>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<ZipCodeCentroid> ZipCodes => Set<ZipCodeCentroid>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<PhotoObjectDeletion> PhotoObjectDeletions => Set<PhotoObjectDeletion>();

    public DbSet<Swipe> Swipes => Set<Swipe>();

    public DbSet<Match> Matches => Set<Match>();

    public DbSet<Block> Blocks => Set<Block>();

    public DbSet<Report> Reports => Set<Report>();

    internal DbSet<DiscoveryCell> DiscoveryCells => Set<DiscoveryCell>();

    internal DbSet<LoginAttemptWindow> LoginAttemptWindows => Set<LoginAttemptWindow>();

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
            when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } violation)
        {
            throw new UniqueConstraintViolationException(violation.ConstraintName ?? string.Empty, exception);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FrienderDbContext).Assembly);
    }
}
