using Friender.Application.Common.Abstractions;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(user => user.Id);
        builder.Property(user => user.Id).ValueGeneratedNever();
        builder.Property(user => user.Username).HasMaxLength(User.UsernameMaxLength).IsRequired();
        builder.Property(user => user.Email).HasMaxLength(User.EmailMaxLength).IsRequired();
        builder.Property(user => user.NormalizedEmail).HasMaxLength(User.EmailMaxLength).IsRequired();
        builder.Property(user => user.PasswordHash).HasMaxLength(200).IsRequired();
        builder.HasIndex(user => user.Username).IsUnique().HasDatabaseName(ConstraintNames.UsernameIndex);
        builder.HasIndex(user => user.NormalizedEmail).IsUnique().HasDatabaseName(ConstraintNames.EmailIndex);
    }
}
