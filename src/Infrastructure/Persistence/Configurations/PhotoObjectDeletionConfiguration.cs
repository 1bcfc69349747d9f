using Friender.Domain.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class PhotoObjectDeletionConfiguration : IEntityTypeConfiguration<PhotoObjectDeletion>
{
    public void Configure(EntityTypeBuilder<PhotoObjectDeletion> builder)
    {
        builder.ToTable("photo_object_deletions");
        builder.HasKey(deletion => deletion.StorageKey);
        builder.Property(deletion => deletion.StorageKey).HasMaxLength(200);
    }
}
