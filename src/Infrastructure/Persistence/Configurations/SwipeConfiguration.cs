using Friender.Application.Common.Abstractions;
using Friender.Domain.Matching;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class SwipeConfiguration : IEntityTypeConfiguration<Swipe>
{
    public void Configure(EntityTypeBuilder<Swipe> builder)
    {
        builder.ToTable("swipes");
        // (swiper, target) answers both anti-joins of discovery: "did I answer them" and "did they say no to me".
        builder.HasKey(swipe => new { swipe.SwiperId, swipe.TargetId }).HasName(ConstraintNames.SwipesPrimaryKey);
        builder.Property(swipe => swipe.Decision).HasConversion<short>();
        builder.HasOne<User>().WithMany().HasForeignKey(swipe => swipe.SwiperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(swipe => swipe.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}
