using Friender.Infrastructure.Discovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class DiscoveryCellConfiguration : IEntityTypeConfiguration<DiscoveryCell>
{
    public void Configure(EntityTypeBuilder<DiscoveryCell> builder)
    {
        builder.ToTable("grid_cells");
        builder.HasKey(cell => cell.CellKey);
        builder.Property(cell => cell.CellKey).ValueGeneratedNever();
        builder.Property(cell => cell.Location).HasColumnType("geography (point, 4326)").IsRequired();
        builder.HasIndex(cell => cell.Location).HasMethod("gist");
    }
}
