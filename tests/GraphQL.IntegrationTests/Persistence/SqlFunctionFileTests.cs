using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Persistence.Sql;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Persistence;

/// <summary>
/// Each file in Sql/Functions is what the migrated database runs: a file changed without a migration that applies it
/// (make sql-migration) fails here, with the line to add.
/// </summary>
public sealed class SqlFunctionFileTests(FrienderApiFactory api) : ApiTest(api)
{
    public static TheoryData<string> Files => new(SqlFunctions.FileNames);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task MigratedDatabase_ShouldRunTheFunctionExactlyAsItsFileDefinesIt(string fileName)
    {
        var text = SqlFunctions.Text(fileName);

        var (migrated, fromFile) = await DefinitionsAsync(text);

        Assert.True(migrated is not null, $"{fileName}: no migration creates this function. Run make sql-migration NAME=..., or add ApplySqlFunction(\"{fileName}\", \"{SqlFunctions.VersionOf(text)}\") to a new migration.");
        Assert.True(migrated == fromFile, $"""
            {fileName} differs from the function in a migrated database: run make sql-migration NAME=..., or add
            migrationBuilder.ApplySqlFunction("{fileName}", "{SqlFunctions.VersionOf(text)}") to a new migration.
            --- migrated
            {migrated}
            --- file
            {fromFile}
            """);
    }

    /// <summary>
    /// Postgres's own rendering (pg_get_functiondef) of the migrated function (every overload of its name, so a stale
    /// signature left behind shows) and of the file's, the latter created in a scratch schema inside a transaction that
    /// is rolled back, so formatting cannot make them differ.
    /// </summary>
    private async Task<(string? Migrated, string? FromFile)> DefinitionsAsync(string text)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var setUp = new NpgsqlCommand("CREATE SCHEMA file_check; SET LOCAL search_path = file_check, public; SET LOCAL check_function_bodies = off;", connection, transaction))
            await setUp.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand(text, connection, transaction))
            await create.ExecuteNonQueryAsync();

        await using var read = new NpgsqlCommand("""
            SELECT f.proname, pg_get_functiondef(f.oid) FROM pg_proc f WHERE f.pronamespace = 'file_check'::regnamespace
            """, connection, transaction);
        string name, fromFile;
        await using (var reader = await read.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), "The file creates no function.");
            (name, fromFile) = (reader.GetString(0), reader.GetString(1).Replace("FUNCTION file_check.", "FUNCTION public.", StringComparison.Ordinal));
            Assert.False(await reader.ReadAsync(), "One function per file.");
        }

        await using var migratedCommand = new NpgsqlCommand(
            "SELECT string_agg(pg_get_functiondef(f.oid), E'\n') FROM pg_proc f WHERE f.pronamespace = 'public'::regnamespace AND f.proname = $1", connection, transaction);
        migratedCommand.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        var migrated = await migratedCommand.ExecuteScalarAsync() as string;
        await transaction.RollbackAsync();
        return (migrated, fromFile);
    }
}
