using Friender.Infrastructure.Persistence;
using Friender.Infrastructure.Persistence.Seeding;
using Friender.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Friender.GraphQL.Hosting;

internal static class StartupTasks
{
    public const string Section = "Startup";

    /// <summary>The owner role's connection string, for migrations only.</summary>
    public const string MigrationsConnectionString = "PostgresMigrations";

    /// <summary>
    /// Brings the database schema and the photo bucket up to date; safe to run on every start. The schema is migrated
    /// as the owner role when <c>ConnectionStrings:PostgresMigrations</c> is set (the API itself then runs as the
    /// runtime role, which cannot), otherwise over the API's own connection.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var owner = services.GetRequiredService<IConfiguration>().GetConnectionString(MigrationsConnectionString);
        await using (var db = owner is null ? null : PersistenceSetup.CreateMigrationContext(owner))
        {
            var migrating = db ?? scope.ServiceProvider.GetRequiredService<FrienderDbContext>();
            // On a fresh database EF Core reads the history table before creating it, and logs that expected failure as
            // an error ("fail: ... Failed executing DbCommand"); creating the table first keeps a first run's log clean.
            await migrating.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await migrating.Database.MigrateAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<ZipCodeSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<BucketInitializer>().EnsureBucketAsync(cancellationToken);
    }

    public static async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }

    public static async Task RunConfiguredAsync(WebApplication app)
    {
        var startup = app.Configuration.GetSection(Section);
        if (startup.GetValue<bool>("Migrate"))
            await MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);
        if (startup.GetValue<bool>("SeedDemoData"))
            await SeedDemoDataAsync(app.Services, app.Lifetime.ApplicationStopping);
    }
}
