using System.Text.Json;
using Friender.Domain.Matching;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("reports");
        builder.HasKey(report => report.Id);
        builder.Property(report => report.Id).ValueGeneratedNever();
        builder.Property(report => report.Reason).HasMaxLength(Report.ReasonMaxLength);
        builder.Property(report => report.Category).HasConversion<string>().HasMaxLength(32);
        // No foreign keys: what a report is about stays on record when the photo or message goes (moderation evidence).
        builder.Property(report => report.PhotoId);
        builder.Property(report => report.MessageId);
        builder.Property(report => report.BlockedReported);
        builder.Property(report => report.Conversation).HasColumnType("jsonb").HasConversion(
            messages => JsonSerializer.Serialize(messages, JsonOptions),
            json => JsonSerializer.Deserialize<List<ReportedMessage>>(json, JsonOptions) ?? new List<ReportedMessage>(),
            new ValueComparer<IReadOnlyList<ReportedMessage>>(
                (left, right) => left!.SequenceEqual(right!), messages => messages.Count, messages => messages.ToList()));
        builder.Ignore(report => report.IsOpen);
        builder.HasIndex(report => new { report.ReportedId, report.CreatedAt });
        builder.HasIndex(report => report.CreatedAt).HasFilter("resolved_at IS NULL").HasDatabaseName("ix_reports_open");
        // The reporter's reports go with the reporter's account; reports about someone stay after theirs is deleted, as
        // evidence for the ban list and the audit trail (no foreign key on reported_id).
        builder.HasOne<User>().WithMany().HasForeignKey(report => report.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}
