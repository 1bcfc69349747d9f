using Friender.Application.Common.Abstractions;
using Friender.Domain.Photos;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

/// <summary>
/// Besides this model, the migration adds <see cref="ConstraintNames.PhotoPositionUnique"/>: UNIQUE (user_id, position), deferred to commit
/// so reordering can pass through duplicate positions; with the position check it caps everyone at six photos even
/// when uploads race.
/// </summary>
internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> builder)
    {
        builder.ToTable("photos", table => table.HasCheckConstraint(
            ConstraintNames.PhotoPositionCheck, $"position >= 0 AND position < {PhotoAlbum.MaxPhotos}"));
        builder.HasKey(photo => photo.Id);
        builder.Property(photo => photo.Id).ValueGeneratedNever();
        builder.Property(photo => photo.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(photo => photo.ContentType).HasMaxLength(50).IsRequired();
        builder.HasIndex(photo => photo.StorageKey).IsUnique();
        builder.HasIndex(photo => photo.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(photo => photo.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
