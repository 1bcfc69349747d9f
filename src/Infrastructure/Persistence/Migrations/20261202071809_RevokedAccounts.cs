using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Friender.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RevokedAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "revoked_accounts",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revoked_accounts", x => x.user_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_revoked_accounts_until",
                table: "revoked_accounts",
                column: "until");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "revoked_accounts");
        }
    }
}
