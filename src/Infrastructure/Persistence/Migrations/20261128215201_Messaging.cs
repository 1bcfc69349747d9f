using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Friender.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_matches_user_high_id_created_at",
                table: "matches");

            migrationBuilder.DropIndex(
                name: "ix_matches_user_low_id_created_at",
                table: "matches");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_activity_at",
                table: "matches",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Matches made before messaging were last active when they were made.
            migrationBuilder.Sql("UPDATE matches SET last_activity_at = created_at");

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sender_id = table.Column<Guid>(type: "uuid", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_messages_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_messages_users_sender_id",
                        column: x => x.sender_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_matches_user_high_id_last_activity_at",
                table: "matches",
                columns: new[] { "user_high_id", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_matches_user_low_id_last_activity_at",
                table: "matches",
                columns: new[] { "user_low_id", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_match_id_sent_at_id",
                table: "messages",
                columns: new[] { "match_id", "sent_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_sender_id",
                table: "messages",
                column: "sender_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_unread",
                table: "messages",
                column: "match_id",
                filter: "read_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropIndex(
                name: "ix_matches_user_high_id_last_activity_at",
                table: "matches");

            migrationBuilder.DropIndex(
                name: "ix_matches_user_low_id_last_activity_at",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                table: "matches");

            migrationBuilder.CreateIndex(
                name: "ix_matches_user_high_id_created_at",
                table: "matches",
                columns: new[] { "user_high_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_matches_user_low_id_created_at",
                table: "matches",
                columns: new[] { "user_low_id", "created_at" });
        }
    }
}
