using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Friender.Infrastructure.Persistence.Migrations;

/// <summary>Applies the function files changed by this migration (see SqlFunctions); written by make sql-migration.</summary>
[DbContext(typeof(FrienderDbContext))]
[Migration("20261202192849_SwipeInOneStatement")]
public sealed class SwipeInOneStatement : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.ApplySqlFunction("swipe_if_showable.sql", "1a3c9e88599002f1");
    }

    /// <summary>A function's previous text lives in git, not here: roll forward with a new migration instead.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Function changes roll forward: write a migration that applies the file you want.");
}
