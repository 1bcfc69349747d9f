using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

/// <summary>No foreign key to users: the row outlives the account it revokes.</summary>
internal sealed class RevokedAccountConfiguration : IEntityTypeConfiguration<RevokedAccount>
{
    public void Configure(EntityTypeBuilder<RevokedAccount> builder)
    {
        builder.ToTable("revoked_accounts");
        builder.HasKey(account => account.UserId);
        builder.Property(account => account.UserId).ValueGeneratedNever();
        builder.HasIndex(account => account.Until);
    }
}
