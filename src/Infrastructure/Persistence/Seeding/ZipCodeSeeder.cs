using System.Globalization;
using Friender.Domain.Profiles;
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Friender.Infrastructure.Persistence.Seeding;

/// <summary>
/// Loads the US ZIP centroids (embedded CSV, see README.md here) into zip_codes with COPY, and the grid cells they fall
/// in into grid_cells, once; then gives profiles saved before cells existed their cell.
/// </summary>
public sealed class ZipCodeSeeder(FrienderDbContext db)
{
    private static readonly SqlStatement LockZipCodes = SqlStatement.Load("lock_zip_codes.sql");
    private static readonly SqlStatement CopyZipCodes = SqlStatement.Load("copy_zip_codes.sql");
    private static readonly SqlStatement CopyGridCells = SqlStatement.Load("copy_grid_cells.sql");
    private static readonly SqlStatement AssignProfileCells = SqlStatement.Load("assign_profile_cells.sql");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // Replicas starting together must not both load the table.
        await using (var lockTable = LockZipCodes.CreateCommand(connection))
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        if (!await db.ZipCodes.AnyAsync(cancellationToken))
            await CopyZipCodesAsync(connection, cancellationToken);
        if (!await db.DiscoveryCells.AnyAsync(cancellationToken))
            await CopyCellsAsync(connection, cancellationToken);
        await AssignCellsAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyZipCodesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var writer = await connection.BeginTextImportAsync(CopyZipCodes.Text, cancellationToken))
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
    }

    private async Task CopyCellsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var zips = await db.ZipCodes.AsNoTracking().ToListAsync(cancellationToken);
        await using var writer = await connection.BeginTextImportAsync(CopyGridCells.Text, cancellationToken);
        foreach (var cell in zips.Select(zip => LocationGrid.CellOf(zip.Location)).DistinctBy(cell => cell.Key))
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{cell.Key}\t{Ewkt(cell)}"));
    }

    private async Task AssignCellsAsync(CancellationToken cancellationToken)
    {
        var zipsWithoutCells = await db.Profiles.Where(profile => profile.CellKey == null && profile.ZipCode != null)
            .Select(profile => profile.ZipCode!).Distinct().ToListAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var zip in await db.ZipCodes.AsNoTracking().Where(zip => zipsWithoutCells.Contains(zip.Code)).ToListAsync(cancellationToken))
        {
            var cell = LocationGrid.CellOf(zip.Location);
            await using var assign = AssignProfileCells.CreateCommand(
                connection, SqlStatement.Value(cell.Key), SqlStatement.Value(Ewkt(cell)), SqlStatement.Value(zip.Code));
            await assign.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Ewkt(GridCell cell) =>
        string.Create(CultureInfo.InvariantCulture, $"SRID=4326;POINT({cell.Centre.X:R} {cell.Centre.Y:R})");
}
