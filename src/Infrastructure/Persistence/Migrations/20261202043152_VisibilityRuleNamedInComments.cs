using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Friender.Infrastructure.Persistence.Migrations;

/// <summary>Applies the function files changed by this migration (see SqlFunctions); written by make sql-migration.</summary>
[DbContext(typeof(FrienderDbContext))]
[Migration("20261202043152_VisibilityRuleNamedInComments")]
public sealed class VisibilityRuleNamedInComments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.ApplySqlFunction("discovery_distance.sql", "fba11b37ccb1e498");
        migrationBuilder.ApplySqlFunction("discovery_reach.sql", "c81a512b5e6c4b60");
        migrationBuilder.ApplySqlFunction("discovery_visible.sql", "eeecebcc0f0b79a3");
    }

    /// <summary>A function's previous text lives in git, not here: roll forward with a new migration instead.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Function changes roll forward: write a migration that applies the file you want.");
}
