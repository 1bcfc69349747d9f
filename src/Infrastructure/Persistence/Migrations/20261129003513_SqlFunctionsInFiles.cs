using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Friender.Infrastructure.Persistence.Migrations;

/// <summary>
/// The functions move out of migrations into Sql/Functions (see SqlFunctions), and the visibility rule and the
/// distance become functions of their own that every path calls. The walk's functions take the viewer's radius in
/// miles now, so their old signatures go first. Written by make sql-migration, the drops by hand.
/// </summary>
[DbContext(typeof(FrienderDbContext))]
[Migration("20261129003513_SqlFunctionsInFiles")]
public sealed class SqlFunctionsInFiles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP FUNCTION discovery_candidates(uuid, float8, float8, float8, float8, bigint, uuid, float8, bigint, uuid, timestamptz, int);
            DROP FUNCTION discovery_people_in_cell(uuid, bigint, float8, uuid, boolean, int);
            DROP FUNCTION discovery_cells(float8, float8, float8, float8, bigint);
            """);
        migrationBuilder.ApplySqlFunction("discovery_candidates.sql", "e973c5111122312c");
        migrationBuilder.ApplySqlFunction("discovery_cells.sql", "df10f3dc476880ac");
        migrationBuilder.ApplySqlFunction("discovery_distance.sql", "1b6c142824f85c72");
        migrationBuilder.ApplySqlFunction("discovery_people_in_cell.sql", "c809b57e8ed0c87c");
        migrationBuilder.ApplySqlFunction("discovery_reach.sql", "e556f8f903decf9f");
        migrationBuilder.ApplySqlFunction("discovery_visible.sql", "1793ecebcab7cfb5");
        migrationBuilder.ApplySqlFunction("record_swipe.sql", "7428413d0afc6014");
    }

    /// <summary>A function's previous text lives in git, not here: roll forward with a new migration instead.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Function changes roll forward: write a migration that applies the file you want.");
}
