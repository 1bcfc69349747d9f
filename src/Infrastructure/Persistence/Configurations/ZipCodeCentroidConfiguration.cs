using Friender.Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class ZipCodeCentroidConfiguration : IEntityTypeConfiguration<ZipCodeCentroid>
{
    public void Configure(EntityTypeBuilder<ZipCodeCentroid> builder)
    {
        builder.ToTable("zip_codes");
        builder.HasKey(zip => zip.Code);
        builder.Property(zip => zip.Code).HasColumnName("zip").HasMaxLength(ZipCodeCentroid.Length).IsFixedLength();
        builder.Property(zip => zip.Location).HasColumnType("geography (point, 4326)").IsRequired();
    }
}
