using System;
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Friender.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_reports_users_reported_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_reported_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_profiles_discovery",
                table: "profiles");

            migrationBuilder.AddColumn<string>(
                name: "conversation",
                table: "reports",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "counts",
                table: "reports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolved_at",
                table: "reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "resolved_by_action_id",
                table: "reports",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hidden_at",
                table: "profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hidden_at",
                table: "photos",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "frozen_at",
                table: "matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_suspensions",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_suspensions", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_account_suspensions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    granted = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                    table.ForeignKey(
                        name: "fk_appeals_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "banned_emails",
                columns: table => new
                {
                    email_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_banned_emails", x => x.email_hash);
                });

            migrationBuilder.CreateTable(
                name: "moderation_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    moderator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    moderator_username = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    report_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    photo_id = table.Column<Guid>(type: "uuid", nullable: true),
                    appeal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    granted = table.Column<bool>(type: "boolean", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_actions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "moderation_warnings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_warnings", x => x.id);
                    table.ForeignKey(
                        name: "fk_moderation_warnings_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moderators",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderators", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_moderators_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reports_open",
                table: "reports",
                column: "created_at",
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reports_reported_id_created_at",
                table: "reports",
                columns: new[] { "reported_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_profiles_discovery",
                table: "profiles",
                columns: new[] { "cell_key", "user_id" },
                filter: "completed_at IS NOT NULL AND hidden_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "friend_radius_miles" });

            migrationBuilder.CreateIndex(
                name: "ix_account_suspensions_until",
                table: "account_suspensions",
                column: "until");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_open",
                table: "appeals",
                column: "created_at",
                filter: "answered_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_user_id",
                table: "appeals",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_appeals_action_id",
                table: "appeals",
                column: "action_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_created_at",
                table: "moderation_actions",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_subject_id_created_at",
                table: "moderation_actions",
                columns: new[] { "subject_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_warnings_user_id",
                table: "moderation_warnings",
                column: "user_id");

            // discovery_visible gained candidate_hidden: the old signature goes, and the functions calling it follow.
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS discovery_visible(uuid, integer, uuid, boolean, integer, double precision)");
            migrationBuilder.ApplySqlFunction("discovery_visible.sql", "7a8a149b72249502");
            migrationBuilder.ApplySqlFunction("discovery_candidates.sql", "a019d4a322f67bf9");
            migrationBuilder.ApplySqlFunction("discovery_people_in_cell.sql", "a7275df09f0444b5");
            migrationBuilder.Sql(SqlStatement.ReadEmbedded("sql/scripts/grant_runtime_role.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_suspensions");

            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "banned_emails");

            migrationBuilder.DropTable(
                name: "moderation_actions");

            migrationBuilder.DropTable(
                name: "moderation_warnings");

            migrationBuilder.DropTable(
                name: "moderators");

            migrationBuilder.DropIndex(
                name: "ix_reports_open",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_reported_id_created_at",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_profiles_discovery",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "conversation",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "counts",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "resolved_by_action_id",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "hidden_at",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "hidden_at",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "frozen_at",
                table: "matches");

            migrationBuilder.CreateIndex(
                name: "ix_reports_reported_id",
                table: "reports",
                column: "reported_id");

            migrationBuilder.CreateIndex(
                name: "ix_profiles_discovery",
                table: "profiles",
                columns: new[] { "cell_key", "user_id" },
                filter: "completed_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "friend_radius_miles" });

            migrationBuilder.AddForeignKey(
                name: "fk_reports_users_reported_id",
                table: "reports",
                column: "reported_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
