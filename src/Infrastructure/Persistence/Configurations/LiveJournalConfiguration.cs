using Friender.Domain.Users;
using Friender.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

/// <summary>A person's journal goes with their account.</summary>
internal sealed class LiveEventRowConfiguration : IEntityTypeConfiguration<LiveEventRow>
{
    public void Configure(EntityTypeBuilder<LiveEventRow> builder)
    {
        builder.ToTable("live_events");
        builder.HasKey(row => new { row.RecipientId, row.Position });
        builder.Property(row => row.Event).HasColumnType("jsonb");
        builder.Property(row => row.OccurredAt).HasDefaultValueSql("now()");
        builder.HasIndex(row => row.OccurredAt);
        builder.HasOne<User>().WithMany().HasForeignKey(row => row.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveEventHeadConfiguration : IEntityTypeConfiguration<LiveEventHead>
{
    public void Configure(EntityTypeBuilder<LiveEventHead> builder)
    {
        builder.ToTable("live_event_heads");
        builder.HasKey(head => head.UserId);
        builder.Property(head => head.UserId).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(head => head.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
