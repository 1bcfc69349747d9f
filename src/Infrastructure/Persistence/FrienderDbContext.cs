using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Realtime;
using Friender.Domain.Matching;
using Friender.Domain.Messaging;
using Friender.Domain.Moderation;
using Friender.Domain.Photos;
using Friender.Domain.Profiles;
using Friender.Domain.Users;
using Friender.Infrastructure.Auth;
using Friender.Infrastructure.Discovery;
using Friender.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Friender.Infrastructure.Persistence;

public sealed class FrienderDbContext(
    DbContextOptions<FrienderDbContext> options,
    RevocationList? revocations = null,
    ILiveFanOut? fanOut = null)
    : DbContext(options), IAppDbContext
{
    private readonly ILiveFanOut _fanOut = fanOut ?? PostgresLiveFanOut.Instance;

    private readonly List<RealtimeEvent> _onCommit = [];

    public DbSet<User> Users => Set<User>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<RevokedAccessToken> RevokedAccessTokens => Set<RevokedAccessToken>();

    public DbSet<RevokedAccount> RevokedAccounts => Set<RevokedAccount>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<ZipCodeCentroid> ZipCodes => Set<ZipCodeCentroid>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<PhotoObjectDeletion> PhotoObjectDeletions => Set<PhotoObjectDeletion>();

    public DbSet<Swipe> Swipes => Set<Swipe>();

    public DbSet<Match> Matches => Set<Match>();

    public DbSet<Block> Blocks => Set<Block>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Moderator> Moderators => Set<Moderator>();

    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();

    public DbSet<AccountSuspension> AccountSuspensions => Set<AccountSuspension>();

    public DbSet<BannedEmail> BannedEmails => Set<BannedEmail>();

    public DbSet<ModerationWarning> ModerationWarnings => Set<ModerationWarning>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    internal DbSet<DiscoveryCell> DiscoveryCells => Set<DiscoveryCell>();

    internal DbSet<LoginAttemptWindow> LoginAttemptWindows => Set<LoginAttemptWindow>();

    public void PublishOnCommit(RealtimeEvent realtimeEvent) => _onCommit.Add(realtimeEvent);

    public void DiscardChanges()
    {
        ChangeTracker.Clear();
        _onCommit.Clear();
    }

    /// <summary>
    /// Saves, and sends the live events that depend on what is saved in the same transaction, so they exist if and
    /// only if it commits: both people of every new or ended match hear of it, and whatever <see cref="PublishOnCommit"/> queued.
    /// Revocations also take effect in this process at once, before the answer goes back.
    /// </summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var events = ChangeTracker.Entries<Match>().SelectMany(MatchEvents).Concat(_onCommit).ToList();
        _onCommit.Clear();
        if (events.Count == 0)
            return await SaveAsync(cancellationToken);

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await SaveAsync(cancellationToken);
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        var afterCommit = new List<RealtimeEvent>();
        foreach (var realtimeEvent in events)
        {
            await using var notify = RealtimeChannel.Notify(connection, realtimeEvent, _fanOut.TransactionChannel);
            var position = await notify.ExecuteScalarAsync(cancellationToken);
            if (realtimeEvent.IsKept && _fanOut.TransactionChannel is null)
                afterCommit.Add(realtimeEvent with { Position = (long)position! });
        }

        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        foreach (var revoked in events.OfType<AccessTokenRevokedEvent>())
            revocations?.Apply(revoked);
        // Inside a caller's transaction the events wait for it in the journal; published now they could announce data that never commits.
        if (transaction is not null)
            await _fanOut.CommittedAsync(afterCommit, cancellationToken);
        return saved;
    }

    private static IEnumerable<RealtimeEvent> MatchEvents(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Match> entry)
    {
        var match = entry.Entity;
        if (entry.State == EntityState.Added)
            return [new MatchCreatedEvent(match.UserLowId, match.Id), new MatchCreatedEvent(match.UserHighId, match.Id)];
        var ended = entry.State == EntityState.Modified && match.EndedAt is not null
                    && entry.Property(nameof(Match.EndedAt)).OriginalValue is null;
        return ended ? [new MatchEndedEvent(match.UserLowId, match.Id), new MatchEndedEvent(match.UserHighId, match.Id)] : [];
    }

    private async Task<int> SaveAsync(CancellationToken cancellationToken)
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
