using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Friender.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProfilesZipCodesAndPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "photo_object_deletions",
                columns: table => new
                {
                    storage_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_photo_object_deletions", x => x.storage_key);
                });

            migrationBuilder.CreateTable(
                name: "photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    storage_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_photos", x => x.id);
                    table.CheckConstraint("ck_photos_position", "position >= 0 AND position < 6");
                    table.ForeignKey(
                        name: "fk_photos_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    bio = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    hobbies = table.Column<string[]>(type: "text[]", nullable: false),
                    interests = table.Column<string[]>(type: "text[]", nullable: false),
                    zip_code = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: true),
                    location = table.Column<Point>(type: "geography (point, 4326)", nullable: true),
                    friend_radius_miles = table.Column<int>(type: "integer", nullable: false),
                    zip_changes = table.Column<DateTimeOffset[]>(type: "timestamp with time zone[]", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profiles", x => x.user_id);
                    table.CheckConstraint("ck_profiles_friend_radius_miles", "friend_radius_miles BETWEEN 1 AND 100");
                    table.ForeignKey(
                        name: "fk_profiles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "zip_codes",
                columns: table => new
                {
                    zip = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false),
                    location = table.Column<Point>(type: "geography (point, 4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zip_codes", x => x.zip);
                });

            migrationBuilder.CreateIndex(
                name: "ix_photos_storage_key",
                table: "photos",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_photos_user_id",
                table: "photos",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_profiles_location",
                table: "profiles",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            // Checked at commit, so a reorder can pass through duplicate positions; EF Core cannot model DEFERRABLE.
            migrationBuilder.Sql(
                "ALTER TABLE photos ADD CONSTRAINT ux_photos_user_position UNIQUE (user_id, position) DEFERRABLE INITIALLY DEFERRED;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "photo_object_deletions");

            migrationBuilder.DropTable(
                name: "photos");

            migrationBuilder.DropTable(
                name: "profiles");

            migrationBuilder.DropTable(
                name: "zip_codes");
        }
    }
}
