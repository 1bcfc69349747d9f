using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Friender.Infrastructure.Persistence.Seeding;

/// <summary>Loads the US ZIP centroids (embedded CSV, see README.md here) into zip_codes with COPY, once.</summary>
public sealed class ZipCodeSeeder(FrienderDbContext db)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas starting together must not both load the table.
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE zip_codes IN EXCLUSIVE MODE", cancellationToken);
        if (await db.ZipCodes.AnyAsync(cancellationToken))
            return;

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var writer = await connection.BeginTextImportAsync("COPY zip_codes (zip, location) FROM STDIN", cancellationToken))
        {
            await using var source = typeof(ZipCodeSeeder).Assembly.GetManifestResourceStream("us-zip-centroids.csv")
                ?? throw new InvalidOperationException("The ZIP centroid list is not embedded in the assembly.");
            using var reader = new StreamReader(source);
            await reader.ReadLineAsync(cancellationToken);
            while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
            {
                var fields = line.Split(',');
                var latitude = double.Parse(fields[1], CultureInfo.InvariantCulture);
                var longitude = double.Parse(fields[2], CultureInfo.InvariantCulture);
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{fields[0]}\tSRID=4326;POINT({longitude} {latitude})"));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
