using Friender.Domain.Matching;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Friender.Infrastructure.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
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
        builder.HasIndex(report => report.ReportedId);
        builder.HasOne<User>().WithMany().HasForeignKey(report => report.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(report => report.ReportedId).OnDelete(DeleteBehavior.Cascade);
    }
}
