using Friender.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class LoginAttemptWindowConfiguration : IEntityTypeConfiguration<LoginAttemptWindow>
{
    public void Configure(EntityTypeBuilder<LoginAttemptWindow> builder)
    {
        builder.ToTable("login_attempt_windows");
        builder.HasKey(window => window.Key);
        builder.Property(window => window.Key).HasMaxLength(300);
    }
}
