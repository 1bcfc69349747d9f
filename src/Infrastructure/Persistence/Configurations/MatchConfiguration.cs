using Friender.Application.Common.Abstractions;
using Friender.Domain.Matching;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> builder)
    {
        builder.ToTable("matches", table => table.HasCheckConstraint(ConstraintNames.MatchPairOrderCheck, "user_low_id < user_high_id"));
        builder.HasKey(match => match.Id);
        builder.Property(match => match.Id).ValueGeneratedNever();
        builder.Ignore(match => match.IsActive);
        builder.Ignore(match => match.State);
        builder.HasIndex(match => new { match.UserLowId, match.UserHighId }).IsUnique().HasDatabaseName(ConstraintNames.MatchPairIndex);
        builder.HasIndex(match => new { match.UserLowId, match.LastActivityAt });
        builder.HasIndex(match => new { match.UserHighId, match.LastActivityAt });
        builder.HasOne<User>().WithMany().HasForeignKey(match => match.UserLowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(match => match.UserHighId).OnDelete(DeleteBehavior.Cascade);
    }
}
