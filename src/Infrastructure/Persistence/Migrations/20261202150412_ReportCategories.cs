using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Friender.Infrastructure.Persistence.Migrations
{
    /// <summary>Reports get a category, optional details, the photo or message they are about, and whether they blocked.</summary>
    public partial class ReportCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "reason",
                table: "reports",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AddColumn<bool>(
                name: "blocked_reported",
                table: "reports",
                type: "boolean",
                nullable: false,
                // Every report made before this migration also blocked.
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "reports",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                // Reports made before categories were free text only.
                defaultValue: "Other");

            migrationBuilder.AddColumn<Guid>(
                name: "message_id",
                table: "reports",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "photo_id",
                table: "reports",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "blocked_reported",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "category",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "message_id",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "photo_id",
                table: "reports");

            migrationBuilder.AlterColumn<string>(
                name: "reason",
                table: "reports",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);
        }
    }
}
