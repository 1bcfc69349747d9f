using Friender.Application.Realtime;
using Friender.Domain.Matching;
using Friender.Domain.Messaging;
using Friender.Domain.Moderation;
using Friender.Domain.Photos;
using Friender.Domain.Profiles;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Common.Abstractions;

public interface IAppDbContext
{
    DbSet<User> Users { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<RevokedAccessToken> RevokedAccessTokens { get; }

    DbSet<RevokedAccount> RevokedAccounts { get; }

    DbSet<Profile> Profiles { get; }

    DbSet<ZipCodeCentroid> ZipCodes { get; }

    DbSet<Photo> Photos { get; }

    DbSet<PhotoObjectDeletion> PhotoObjectDeletions { get; }

    DbSet<Swipe> Swipes { get; }

    DbSet<Match> Matches { get; }

    DbSet<Block> Blocks { get; }

    DbSet<Report> Reports { get; }

    DbSet<Message> Messages { get; }

    DbSet<Moderator> Moderators { get; }

    /// <summary>The audit trail: add only; the runtime database role cannot change or delete a row.</summary>
    DbSet<ModerationAction> ModerationActions { get; }

    DbSet<AccountSuspension> AccountSuspensions { get; }

    DbSet<BannedEmail> BannedEmails { get; }

    DbSet<ModerationWarning> ModerationWarnings { get; }

    DbSet<Appeal> Appeals { get; }

    /// <summary>
    /// Sends <paramref name="realtimeEvent"/> inside the transaction of the next <see cref="SaveChangesAsync"/>, so that
    /// it goes out if and only if the changes commit.
    /// </summary>
    void PublishOnCommit(RealtimeEvent realtimeEvent);

    /// <summary>Forgets everything staged and not saved (tracked changes, queued events), before a use case runs again.</summary>
    void DiscardChanges();

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
