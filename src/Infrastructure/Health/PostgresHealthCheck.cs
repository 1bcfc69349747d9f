using Friender.Infrastructure.Persistence.Sql;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Friender.Infrastructure.Health;

internal sealed class PostgresHealthCheck(NpgsqlDataSource database) : IHealthCheck
{
    private static readonly SqlStatement Ping = SqlStatement.Load("ping.sql");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = Ping.CreateCommand(database);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Postgres is not reachable.", exception);
        }
    }
}
