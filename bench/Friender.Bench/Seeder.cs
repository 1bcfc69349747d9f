using System.Diagnostics;
using System.Globalization;
using System.Text;
using Friender.Domain.Photos;
using Friender.Domain.Profiles;
using Friender.Infrastructure.Auth;
using Friender.Infrastructure.Persistence;
using Friender.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Friender.Bench;

/// <summary>
/// A million people over real ZIP codes, denser where ZIP codes are dense (cities), and ten million swipes between
/// neighbours, written with COPY. Cohorts with known usernames are placed for the runner to log in as.
/// </summary>
internal sealed class Seeder(BenchOptions options)
{
    private static readonly string[] Tags =
    [
        "Chess", "Hiking", "Climbing", "Running", "Cycling", "Yoga", "Cooking", "Baking", "Gardening", "Photography",
        "Painting", "Knitting", "Pottery", "Dancing", "Singing", "Guitar", "Piano", "Drums", "Theatre", "Film",
        "Jazz", "Opera", "Techno", "Podcasts", "Reading", "Poetry", "History", "Astronomy", "Birding", "Fishing",
        "Camping", "Kayaking", "Surfing", "Skiing", "Skating", "Tennis", "Soccer", "Basketball", "Baseball", "Golf",
        "Boardgames", "Videogames", "Crosswords", "Volunteering", "Travel", "Languages", "Coffee", "Tea", "Wine", "Dogs",
    ];

    private readonly Random _random = new(20261123);

    public async Task RunAsync()
    {
        var total = Stopwatch.StartNew();
        await using var db = Context();
        await db.Database.MigrateAsync();
        await new ZipCodeSeeder(db).SeedAsync(CancellationToken.None);
        if (await db.Users.AnyAsync(user => user.Username == "heavy_00"))
        {
            Console.WriteLine("The bench data is already there; reusing it.");
            return;
        }

        var zips = (await db.ZipCodes.AsNoTracking().ToListAsync())
            .Select(zip => new Zip(zip.Code, zip.Location.Y, zip.Location.X)).ToArray();
        var density = Density(zips);
        var people = Place(zips, density);
        Console.WriteLine($"placed {people.Length:N0} people over {zips.Length:N0} ZIP codes ({total.Elapsed.TotalSeconds:F0} s)");

        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await CopyUsersAsync(connection, people);
        Console.WriteLine($"users copied ({total.Elapsed.TotalSeconds:F0} s)");
        await CopyProfilesAsync(connection, people, zips);
        Console.WriteLine($"profiles copied ({total.Elapsed.TotalSeconds:F0} s)");
        var photos = await CopyPhotosAsync(connection, people);
        Console.WriteLine($"{photos:N0} photo rows copied ({total.Elapsed.TotalSeconds:F0} s)");
        await CopySwipesAsync(connection, people, zips);
        Console.WriteLine($"swipes copied and indexed ({total.Elapsed.TotalSeconds:F0} s)");
        await HeavySwipesAsync(connection);
        Console.WriteLine($"heavy swipers answered their {BenchOptions.HeavySwipes:N0} nearest ({total.Elapsed.TotalSeconds:F0} s)");
        foreach (var table in new[] { "users", "profiles", "swipes" })
            await ExecuteAsync(connection, $"VACUUM ANALYZE {table}", 0);
        Console.WriteLine($"seeded in {total.Elapsed.TotalMinutes:F1} min");
    }

    private FrienderDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<FrienderDbContext>();
        PersistenceSetup.Configure(builder, options.Connection);
        return new FrienderDbContext(builder.Options);
    }

    /// <summary>How many ZIP centroids lie within about ten miles: cities have many small ZIP codes close together.</summary>
    private static double[] Density(Zip[] zips)
    {
        const double cell = 0.15;
        var buckets = zips.Select((zip, index) => (Key: ((int)Math.Floor(zip.Latitude / cell), (int)Math.Floor(zip.Longitude / cell)), Index: index))
            .GroupBy(entry => entry.Key).ToDictionary(group => group.Key, group => group.Count());
        return zips.Select(zip =>
        {
            var (row, column) = ((int)Math.Floor(zip.Latitude / cell), (int)Math.Floor(zip.Longitude / cell));
            var neighbours = 0;
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                    neighbours += buckets.GetValueOrDefault((row + dr, column + dc));
            }

            return Math.Pow(neighbours, 1.6);
        }).ToArray();
    }

    private Person[] Place(Zip[] zips, double[] density)
    {
        var cumulative = new double[zips.Length];
        var sum = 0.0;
        for (var index = 0; index < zips.Length; index++)
            cumulative[index] = sum += density[index];

        var byDensity = Enumerable.Range(0, zips.Length).OrderByDescending(index => density[index]).ToArray();
        var densest = byDensity[0];
        var dense = byDensity.Take(200).ToArray();
        var sparse = byDensity.Reverse().Where(index => zips[index].Latitude < 49 && zips[index].Latitude > 25).Skip(500).Take(2000).ToArray();

        var people = new Person[options.Users];
        var baseTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var index = 0; index < people.Length; index++)
        {
            var (name, zip, radius) = index switch
            {
                < BenchOptions.CohortSize => ($"heavy_{index:D2}", densest, 25),
                < 2 * BenchOptions.CohortSize => ($"city_{index - BenchOptions.CohortSize:D2}", dense[_random.Next(dense.Length)], 25),
                < 3 * BenchOptions.CohortSize => ($"rural_{index - (2 * BenchOptions.CohortSize):D2}", sparse[_random.Next(sparse.Length)], 50),
                < (3 * BenchOptions.CohortSize) + BenchOptions.SwipeWorkers => ($"worker_{index - (3 * BenchOptions.CohortSize):D2}", dense[_random.Next(dense.Length)], 50),
                _ => ($"u{index:D7}", Sample(cumulative, sum), Radius()),
            };
            people[index] = new Person(Guid.CreateVersion7(baseTime.AddSeconds(index)), name, zip, radius);
        }

        return people;
    }

    private int Sample(double[] cumulative, double sum)
    {
        var target = _random.NextDouble() * sum;
        var index = Array.BinarySearch(cumulative, target);
        return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
    }

    private int Radius() => _random.Next(10) switch
    {
        < 2 => _random.Next(5, 15),
        < 8 => _random.Next(15, 40),
        _ => _random.Next(40, 101),
    };

    private static async Task CopyUsersAsync(NpgsqlConnection connection, Person[] people)
    {
        var hash = new Pbkdf2PasswordHasher().Hash(BenchOptions.Password);
        await using var writer = await connection.BeginTextImportAsync(
            "COPY users (id, username, email, normalized_email, password_hash, created_at) FROM STDIN");
        foreach (var person in people)
            await writer.WriteLineAsync($"{person.Id}\t{person.Name}\t{person.Name}@bench.friender.test\t{person.Name}@bench.friender.test\t{hash}\t2026-01-01 00:00:00+00");
    }

    private async Task CopyProfilesAsync(NpgsqlConnection connection, Person[] people, Zip[] zips)
    {
        await using var writer = await connection.BeginTextImportAsync(
            "COPY profiles (user_id, display_name, hobbies, interests, zip_code, location, cell_key, friend_radius_miles, zip_changes, completed_at, updated_at) FROM STDIN");
        var line = new StringBuilder();
        foreach (var person in people)
        {
            var zip = zips[person.Zip];
            var cell = LocationGrid.CellOf(zip.Latitude, zip.Longitude);
            var point = cell.Centre;
            line.Clear();
            line.Append(CultureInfo.InvariantCulture,
                $"{person.Id}\t{person.Name}\t{{{PickTags()}}}\t{{{PickTags()}}}\t{zip.Code}\tSRID=4326;POINT({point.X:R} {point.Y:R})\t{cell.Key}\t{person.Radius}\t{{}}\t2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00");
            await writer.WriteLineAsync(line.ToString());
        }
    }

    /// <summary>
    /// Photo rows as uploads leave them (three people in four have one to four photos), so discovery presigns URLs as
    /// it would in production; the objects themselves are not needed to sign a URL.
    /// </summary>
    private async Task<long> CopyPhotosAsync(NpgsqlConnection connection, Person[] people)
    {
        long count = 0;
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY photos (id, user_id, storage_key, content_type, width, height, size_bytes, position, created_at) FROM STDIN (FORMAT BINARY)");
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var person in people)
        {
            var photos = _random.Next(4) == 0 ? 0 : _random.Next(1, 5);
            for (var position = 0; position < photos; position++)
            {
                var id = Guid.CreateVersion7(created);
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(person.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(PhotoAlbum.StorageKeyFor(person.Id, id, "jpg"), NpgsqlDbType.Varchar);
                await writer.WriteAsync("image/jpeg", NpgsqlDbType.Varchar);
                await writer.WriteAsync(1080, NpgsqlDbType.Integer);
                await writer.WriteAsync(1350, NpgsqlDbType.Integer);
                await writer.WriteAsync(180_000L, NpgsqlDbType.Bigint);
                await writer.WriteAsync(position, NpgsqlDbType.Integer);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                count++;
            }
        }

        await writer.CompleteAsync();
        return count;
    }

    private string PickTags() => string.Join(',', Enumerable.Range(0, 3).Select(_ => Tags[_random.Next(Tags.Length)]).Distinct());

    /// <summary>Each person answers people from ZIP codes near theirs; indexes are built after the load, not during it.</summary>
    private async Task CopySwipesAsync(NpgsqlConnection connection, Person[] people, Zip[] zips)
    {
        var byZip = people.Select((person, index) => (person.Zip, index)).GroupBy(entry => entry.Zip)
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.index).ToArray());
        var nearby = NearbyZips(zips, byZip);

        await ExecuteAsync(connection, """
            ALTER TABLE swipes DROP CONSTRAINT pk_swipes;
            DROP INDEX ix_swipes_target_id;
            SET session_replication_role = replica;
            """, 0);

        var perPerson = Math.Max(1, options.Swipes / people.Length);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY swipes (swiper_id, target_id, decision, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            var chosen = new HashSet<int>();
            var created = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var swiper = 0; swiper < people.Length; swiper++)
            {
                var candidates = nearby[people[swiper].Zip];
                chosen.Clear();
                var wanted = _random.Next(perPerson * 2 + 1);
                for (var attempt = 0; attempt < wanted * 3 && chosen.Count < wanted; attempt++)
                {
                    var target = candidates[_random.Next(candidates.Length)];
                    if (target != swiper && chosen.Add(target))
                    {
                        await writer.StartRowAsync();
                        await writer.WriteAsync(people[swiper].Id, NpgsqlDbType.Uuid);
                        await writer.WriteAsync(people[target].Id, NpgsqlDbType.Uuid);
                        await writer.WriteAsync((short)(_random.Next(2)), NpgsqlDbType.Smallint);
                        await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                    }
                }
            }

            await writer.CompleteAsync();
        }

        await ExecuteAsync(connection, """
            SET session_replication_role = origin;
            SET maintenance_work_mem = '1GB';
            ALTER TABLE swipes ADD CONSTRAINT pk_swipes PRIMARY KEY (swiper_id, target_id);
            CREATE INDEX ix_swipes_target_id ON swipes (target_id);
            """, 0);
    }

    /// <summary>For each ZIP, the people of the ZIP codes within about ten miles.</summary>
    private static Dictionary<int, int[]> NearbyZips(Zip[] zips, Dictionary<int, int[]> byZip)
    {
        const double cell = 0.15;
        var buckets = byZip.Keys.GroupBy(zip => ((int)Math.Floor(zips[zip].Latitude / cell), (int)Math.Floor(zips[zip].Longitude / cell)))
            .ToDictionary(group => group.Key, group => group.ToArray());
        var result = new Dictionary<int, int[]>();
        foreach (var zip in byZip.Keys)
        {
            var (row, column) = ((int)Math.Floor(zips[zip].Latitude / cell), (int)Math.Floor(zips[zip].Longitude / cell));
            var people = new List<int>();
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                {
                    foreach (var neighbour in buckets.GetValueOrDefault((row + dr, column + dc)) ?? [])
                        people.AddRange(byZip[neighbour]);
                }
            }

            result[zip] = people.ToArray();
        }

        return result;
    }

    private static Task HeavySwipesAsync(NpgsqlConnection connection) =>
        ExecuteAsync(connection, $"""
            INSERT INTO swipes (swiper_id, target_id, decision, created_at)
            SELECT heavy.user_id, nearest.user_id, 0, now()
            FROM profiles heavy
            JOIN users u ON u.id = heavy.user_id AND u.username LIKE 'heavy_%'
            CROSS JOIN LATERAL (
              SELECT p.user_id FROM profiles p WHERE p.user_id <> heavy.user_id
              ORDER BY p.location <-> heavy.location LIMIT {BenchOptions.HeavySwipes}
            ) nearest
            ON CONFLICT DO NOTHING;
            """, 0);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int timeoutSeconds)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Zip(string Code, double Latitude, double Longitude);

    private sealed record Person(Guid Id, string Name, int Zip, int Radius);
}
