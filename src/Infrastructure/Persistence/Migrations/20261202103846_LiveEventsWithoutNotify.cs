using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Friender.Infrastructure.Persistence.Migrations;

/// <summary>Applies the function files changed by this migration (see SqlFunctions); written by make sql-migration.</summary>
[DbContext(typeof(FrienderDbContext))]
[Migration("20261202103846_LiveEventsWithoutNotify")]
public sealed class LiveEventsWithoutNotify : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.ApplySqlFunction("publish_live_event.sql", "d2e83440fc6c9a12");
    }

    /// <summary>A function's previous text lives in git, not here: roll forward with a new migration instead.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Function changes roll forward: write a migration that applies the file you want.");
}
