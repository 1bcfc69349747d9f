using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Respawn;

namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (real HTTP and WebSockets on loopback), on a fresh database in the Postgres and s3rver
/// that make test starts. The clock is fake so tests can move time; the database is reset before every test.
/// </summary>
public sealed class FrienderApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int MaxAttemptsPerAddress = 25;
    public const int MaxConnectionsPerUser = 5;
    public const int MaxOperationsPerConnection = 8;

    private readonly string _ownDatabaseName = "friender_it_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private readonly byte[] _ownSigningKey = RandomNumberGenerator.GetBytes(32);
    private Respawner? _respawner;

    public FrienderApiFactory()
    {
        UseKestrel(0);
        System.IO.Directory.CreateDirectory(Path.Combine(WebClientDirectory, "assets"));
        File.WriteAllText(Path.Combine(WebClientDirectory, "index.html"), "<!doctype html><title>Friender</title><div id=\"root\"></div>");
        File.WriteAllText(Path.Combine(WebClientDirectory, "assets", "index-4f3a2b1c.js"), "console.log('friender');");
    }

    /// <summary>A stand-in for the web client's build (web/dist), served at /.</summary>
    public string WebClientDirectory { get; } = Path.Combine(Path.GetTempPath(), "friender-web-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    /// <summary>Another S3 endpoint than the one make test started, for tests that stop it.</summary>
    public string? S3ServiceUrl { get; init; }

    /// <summary>Settings applied last, for tests that need the app configured otherwise (rate limits on, say).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Connection string options for the app only (a tiny pool, say); the tests' own connections keep the defaults.</summary>
    public string? AppConnectionOptions { get; init; }

    /// <summary>Services added last, for tests that watch the app from inside (a log collector, say).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>
    /// Another app whose database and JWT key this one uses: a second replica, for tests of what replicas share. It
    /// neither creates, migrates nor drops the database.
    /// </summary>
    public FrienderApiFactory? ReplicaOf { get; init; }

    private string _databaseName => ReplicaOf?._databaseName ?? _ownDatabaseName;

    /// <summary>The app's JWT key, for tests that forge tokens the way only the server could.</summary>
    public byte[] SigningKey => ReplicaOf?.SigningKey ?? _ownSigningKey;

    /// <summary>The tests' own connection: the owner (the cluster's superuser), which migrations also use.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = _databaseName }.ConnectionString;

    /// <summary>
    /// The app's connection: a login of the runtime role, as in production (ADR 0032), so every test also proves the
    /// grants suffice.
    /// </summary>
    public string RuntimeConnectionString =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Username = RuntimeUser, Password = RuntimePassword }.ConnectionString;

    public const string RuntimeUser = "friender_app";
    public const string RuntimePassword = "friender";

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (ReplicaOf is not null)
        {
            StartServer();
            BaseAddress = AddressOf(Services);
            return;
        }

        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
            // make test's start_postgres makes these too; a test run against another Postgres needs them as well.
            await using var roles = new NpgsqlCommand($$"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'friender_runtime') THEN CREATE ROLE friender_runtime NOLOGIN; END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{RuntimeUser}}') THEN
                    CREATE ROLE {{RuntimeUser}} LOGIN PASSWORD '{{RuntimePassword}}' IN ROLE friender_runtime;
                  END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """, admin);
            await roles.ExecuteNonQueryAsync();
        }

        StartServer();
        BaseAddress = AddressOf(Services);

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__ef_migrations_history", "spatial_ref_sys", "zip_codes", "grid_cells"],
        });
    }

    private static Uri AddressOf(IServiceProvider services)
    {
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        if (Clock.GetUtcNow() < DateTimeOffset.UtcNow)
            Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public GraphQLClient CreateGraphQLClient() => new(new HttpClient { BaseAddress = BaseAddress });

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        System.IO.Directory.Delete(WebClientDirectory, recursive: true);
        if (ReplicaOf is not null)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", AppConnectionOptions is null ? RuntimeConnectionString : $"{RuntimeConnectionString};{AppConnectionOptions}");
        builder.UseSetting("ConnectionStrings:PostgresMigrations", ConnectionString);
        builder.UseSetting("S3:ServiceUrl", S3ServiceUrl ?? TestEnvironment.S3ServiceUrl);
        builder.UseSetting("Jwt:SigningKey", Convert.ToBase64String(SigningKey));
        builder.UseSetting("Startup:Migrate", ReplicaOf is null ? "true" : "false");
        builder.UseSetting("BananaCakePop:Enabled", "true");
        builder.UseSetting("WebClient:Directory", WebClientDirectory);
        builder.UseSetting("WebSockets:ConnectionInitTimeout", "00:00:02");
        builder.UseSetting("WebSockets:MaxOperationsPerConnection", MaxOperationsPerConnection.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WebSockets:MaxConnectionsPerUser", MaxConnectionsPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LoginThrottle:MaxAttemptsPerAddress", MaxAttemptsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every test signs up from 127.0.0.1; RateLimitTests turns the limits on in an app of its own.
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        if (ExtraServices is { } extra)
            builder.ConfigureServices(extra);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<FrienderApiFactory>
{
    public const string Name = "api";
}

/// <summary>Base for API tests: every test starts from an empty database.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(FrienderApiFactory api) : IAsyncLifetime
{
    protected FrienderApiFactory Api { get; } = api;

    protected GraphQLClient Client { get; } = api.CreateGraphQLClient();

    public Task InitializeAsync() => Api.ResetAsync();

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
