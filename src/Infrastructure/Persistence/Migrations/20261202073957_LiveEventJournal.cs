using System;
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Friender.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LiveEventJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "live_event_heads",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_position = table.Column<long>(type: "bigint", nullable: false),
                    pruned_through = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_event_heads", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_live_event_heads_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "live_events",
                columns: table => new
                {
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    @event = table.Column<string>(name: "event", type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_events", x => new { x.recipient_id, x.position });
                    table.ForeignKey(
                        name: "fk_live_events_users_recipient_id",
                        column: x => x.recipient_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_live_events_occurred_at",
                table: "live_events",
                column: "occurred_at");

            migrationBuilder.ApplySqlFunction("publish_live_event.sql", "12a0a4a430846ab1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS publish_live_event(text, jsonb)");

            migrationBuilder.DropTable(
                name: "live_event_heads");

            migrationBuilder.DropTable(
                name: "live_events");
        }
    }
}
