using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Friender.Infrastructure.Persistence;

public static class PersistenceSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.UseNetTopologySuite().MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite().MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// A context of its own for migrating as the owner role (<c>ConnectionStrings:PostgresMigrations</c>): the API's
    /// runtime role may not change the schema, nor rewrite the audit trail (ADR 0032).
    /// </summary>
    public static FrienderDbContext CreateMigrationContext(string ownerConnectionString)
    {
        var options = new DbContextOptionsBuilder<FrienderDbContext>();
        Configure(options, ownerConnectionString);
        return new FrienderDbContext(options.Options);
    }

    /// <summary>One pool for EF Core and for the few hot statements that skip it (EF costs ~0.7 ms per first query).</summary>
    /// <summary>The data source for reads that may lag (<see cref="StandbyDataSource"/>): tuned alike, named in pg_stat_activity.</summary>
    public static NpgsqlDataSource CreateStandbyDataSource(string connectionString) =>
        CreateDataSource(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = StandbyDataSource.ApplicationName }.ConnectionString);

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(Tuned(connectionString));
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    /// <summary>
    /// How many connections one API process keeps at most, unless its connection string says (Maximum Pool Size).
    /// Npgsql's own default, 100, is all a default Postgres allows (max_connections 100, 3 of them reserved): one busy
    /// replica made Postgres refuse connections ("53300: sorry, too many clients already") instead of queueing its
    /// requests for a free one. 40 lets two replicas, their listening connections and an operator's psql fit.
    /// </summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>
    /// The same few statements run on every request: prepared once per connection, Postgres skips parsing and
    /// planning them again (a connection string that sets its own value wins). A connection goes back to the pool
    /// without Npgsql's reset (six statements for Postgres each time, several times per request): nothing in the app
    /// changes session state; its settings, locks and temporary objects are all transaction-scoped.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Through PgBouncer in transaction mode (1.18 keeps no prepared statements) the string says Max Auto Prepare=0.
        if (!Sets(connectionString, "MaxAutoPrepare"))
            builder.MaxAutoPrepare = 64;
        if (!Sets(connectionString, "MaximumPoolSize", "MaxPoolSize"))
            builder.MaxPoolSize = DefaultMaxPoolSize;
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>Whether the connection string sets a keyword itself, under any of its names (spaces and case aside).</summary>
    private static bool Sets(string connectionString, params string[] names) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => names.Contains(key.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase));
}
