using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Persistence.Sql;
using Friender.Infrastructure.Realtime;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Persistence;

/// <summary>
/// Every statement file in Persistence/Sql is checked against a migrated database before anything runs it: Postgres
/// parses, resolves and plans each (PREPARE), so a misspelt table, column or function fails here, naming the file.
/// Statements Postgres cannot prepare (LISTEN, LOCK, SET, COPY) are run inside a transaction that is rolled back.
/// </summary>
public sealed class SqlStatementFileTests(FrienderApiFactory api) : ApiTest(api)
{
    public static TheoryData<string> Files => new(SqlStatement.FileNames);

    [Fact]
    public void StatementFiles_ShouldBeFound()
    {
        Assert.Contains("append_message.sql", SqlStatement.FileNames);
        Assert.DoesNotContain(SqlStatement.FileNames, name => name.StartsWith("functions/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task MigratedDatabase_ShouldAcceptTheStatement(string fileName)
    {
        var statement = SqlStatement.Load(fileName);
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        try
        {
            await CheckAsync(statement.Text, connection);
        }
        catch (PostgresException problem)
        {
            Assert.Fail($"{fileName}: {problem.SqlState} {problem.MessageText}{(problem.Position > 0 ? $" (at character {problem.Position})" : string.Empty)}");
        }

        await transaction.RollbackAsync();
    }

    [Fact]
    public void ListenStatement_ShouldListenOnTheChannelEveryNotifyUses()
    {
        Assert.Equal($"LISTEN {RealtimeChannel.Name}", SqlStatement.Load("listen.sql").Text);
    }

    private static async Task CheckAsync(string text, NpgsqlConnection connection)
    {
        var keyword = text.Split((char[])[' ', '\n', '\t'], 2)[0].ToUpperInvariant();
        switch (keyword)
        {
            case "COPY":
                // No rows: the table and its columns are resolved when the copy starts.
                var import = await connection.BeginTextImportAsync(text);
                await import.DisposeAsync();
                break;
            case "LISTEN" or "LOCK" or "SET":
                await using (var run = new NpgsqlCommand(text, connection))
                    await run.ExecuteNonQueryAsync();
                break;
            default:
                await using (var prepare = new NpgsqlCommand($"PREPARE statement_check AS {text}", connection))
                    await prepare.ExecuteNonQueryAsync();
                await using (var deallocate = new NpgsqlCommand("DEALLOCATE statement_check", connection))
                    await deallocate.ExecuteNonQueryAsync();
                break;
        }
    }
}
