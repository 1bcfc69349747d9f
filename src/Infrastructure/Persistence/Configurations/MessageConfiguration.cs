using Friender.Domain.Matching;
using Friender.Domain.Messaging;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).ValueGeneratedNever();
        builder.Property(message => message.Body).IsRequired();
        // Conversations are read newest first by keyset on (sent_at, id); unread counts look only at unread rows.
        builder.HasIndex(message => new { message.MatchId, message.SentAt, message.Id });
        builder.HasIndex(message => message.MatchId).HasFilter("read_at IS NULL").HasDatabaseName("ix_messages_unread");
        builder.HasIndex(message => message.SenderId);
        builder.HasOne<Match>().WithMany().HasForeignKey(message => message.MatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(message => message.SenderId).OnDelete(DeleteBehavior.Cascade);
    }
}
