using Friender.Application.Common.Abstractions;
using Friender.Domain.Profiles;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.ToTable("profiles", table => table.HasCheckConstraint(
            ConstraintNames.FriendRadiusCheck,
            $"friend_radius_miles BETWEEN {Profile.MinFriendRadiusMiles} AND {Profile.MaxFriendRadiusMiles}"));
        builder.HasKey(profile => profile.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<Profile>(profile => profile.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(profile => profile.DisplayName).HasMaxLength(Profile.DisplayNameMaxLength).IsRequired();
        builder.Property(profile => profile.Bio).HasMaxLength(Profile.BioMaxLength);
        builder.Property(profile => profile.Hobbies).HasColumnType("text[]").IsRequired();
        builder.Property(profile => profile.Interests).HasColumnType("text[]").IsRequired();
        builder.Property(profile => profile.ZipCode).HasMaxLength(ZipCodeCentroid.Length).IsFixedLength();
        builder.Property(profile => profile.Location).HasColumnType("geography (point, 4326)");
        builder.Property(profile => profile.ZipChanges).HasColumnType("timestamp with time zone[]").IsRequired();
        builder.Ignore(profile => profile.IsComplete);
        builder.HasIndex(profile => profile.Location).HasMethod("gist");

        // Discovery reads the people of a cell in id order straight from this index, friend radius included; nobody hidden
        // by moderation is in it.
        builder.HasIndex(profile => new { profile.CellKey, profile.UserId })
            .IncludeProperties(profile => profile.FriendRadiusMiles)
            .HasFilter("completed_at IS NOT NULL AND hidden_at IS NULL")
            .HasDatabaseName("ix_profiles_discovery");

        // Finds who changed since a viewer's discovery watermark was taken (see CandidateWatermarks).
        builder.HasIndex(profile => profile.UpdatedAt);
    }
}
