using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Friender.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportPhotoEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "evidence_photo_key",
                table: "reports",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "evidence_photo_key",
                table: "reports");
        }
    }
}
