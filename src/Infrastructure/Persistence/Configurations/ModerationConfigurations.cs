using Friender.Application.Common.Abstractions;
using Friender.Domain.Moderation;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class ModeratorConfiguration : IEntityTypeConfiguration<Moderator>
{
    public void Configure(EntityTypeBuilder<Moderator> builder)
    {
        builder.ToTable("moderators");
        builder.HasKey(moderator => moderator.UserId);
        builder.Property(moderator => moderator.UserId).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(moderator => moderator.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The audit trail: append-only. No foreign keys, so it outlives every account it names; the runtime database role
/// has SELECT and INSERT on it and nothing else (migration Moderation, ADR 0032).
/// </summary>
internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public const string Table = "moderation_actions";

    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(action => action.Id);
        builder.Property(action => action.Id).ValueGeneratedNever();
        builder.Property(action => action.ModeratorUsername).HasMaxLength(User.UsernameMaxLength);
        builder.Property(action => action.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(action => action.Reason).HasMaxLength(ModerationRules.ReasonMaxLength);
        builder.Property(action => action.ReportIds).HasColumnType("uuid[]").IsRequired();
        builder.HasIndex(action => new { action.SubjectId, action.CreatedAt });
        builder.HasIndex(action => action.CreatedAt);
    }
}

internal sealed class AccountSuspensionConfiguration : IEntityTypeConfiguration<AccountSuspension>
{
    public void Configure(EntityTypeBuilder<AccountSuspension> builder)
    {
        builder.ToTable("account_suspensions");
        builder.HasKey(suspension => suspension.UserId);
        builder.Property(suspension => suspension.UserId).ValueGeneratedNever();
        builder.Property(suspension => suspension.Reason).HasMaxLength(ModerationRules.ReasonMaxLength);
        builder.Ignore(suspension => suspension.IsBan);
        builder.HasIndex(suspension => suspension.Until);
        builder.HasOne<User>().WithMany().HasForeignKey(suspension => suspension.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>No foreign key: the ban list outlives the account.</summary>
internal sealed class BannedEmailConfiguration : IEntityTypeConfiguration<BannedEmail>
{
    public void Configure(EntityTypeBuilder<BannedEmail> builder)
    {
        builder.ToTable("banned_emails");
        builder.HasKey(banned => banned.EmailHash);
        builder.Property(banned => banned.EmailHash).HasMaxLength(64);
    }
}

internal sealed class ModerationWarningConfiguration : IEntityTypeConfiguration<ModerationWarning>
{
    public void Configure(EntityTypeBuilder<ModerationWarning> builder)
    {
        builder.ToTable("moderation_warnings");
        builder.HasKey(warning => warning.Id);
        builder.Property(warning => warning.Id).ValueGeneratedNever();
        builder.Property(warning => warning.Reason).HasMaxLength(ModerationRules.ReasonMaxLength);
        builder.HasIndex(warning => warning.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(warning => warning.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One appeal per action (unique action_id); it goes with the person's account.</summary>
internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("appeals");
        builder.HasKey(appeal => appeal.Id);
        builder.Property(appeal => appeal.Id).ValueGeneratedNever();
        builder.Property(appeal => appeal.Text).HasMaxLength(ModerationRules.AppealMaxLength);
        // Answered once: the update only lands while answered_at is still what was read (null), so of two moderators
        // answering at the same instant the second gets ALREADY_ANSWERED.
        builder.Property(appeal => appeal.AnsweredAt).IsConcurrencyToken();
        builder.HasIndex(appeal => appeal.ActionId).IsUnique().HasDatabaseName(ConstraintNames.AppealActionUnique);
        builder.HasIndex(appeal => appeal.CreatedAt).HasFilter("answered_at IS NULL").HasDatabaseName("ix_appeals_open");
        builder.HasOne<User>().WithMany().HasForeignKey(appeal => appeal.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
