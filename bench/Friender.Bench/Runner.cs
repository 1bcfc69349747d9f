using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Friender.Application.Common.Abstractions;
using Friender.Infrastructure.Discovery;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Friender.Bench;

/// <summary>Drives the running API over HTTP (and the discovery SQL directly), then writes docs/benchmarks.md.</summary>
internal sealed class Runner(BenchOptions options)
{
    private const string DiscoverQuery =
        "query D($first: Int) { discover(first: $first) { edges { node { id displayName distanceMiles sharedHobbies sharedInterests photos { url } } } pageInfo { hasNextPage endCursor } } }";

    private const string CeilingQuery = "{ __typename }";

    private const string SwipeMutation = "mutation S($id: ID!, $d: SwipeDecision!) { swipe(input: { userId: $id, decision: $d }) { match { id } } }";

    private const string SendMutation = "mutation M($id: ID!, $b: String!) { sendMessage(input: { matchId: $id, body: $b }) { message { id sentAt } } }";

    /// <summary>The stages of a request as the API's spans name them (SpanProfile), in the order a request meets them.</summary>
    private static readonly (string Stage, string Label)[] Stages =
    [
        ("request", "whole request, as the server saw it"),
        ("auth.token", "token check"),
        ("graphql.execute", "GraphQL: parse, validate, execute"),
        ("graphql.parse", "parse (cache misses only)"),
        ("graphql.validate", "validation and cost check"),
        ("use case", "use case (Mediator pipeline and handler)"),
        ("sql", "SQL round trips"),
        ("graphql.serialize", "serialisation"),
    ];

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = new Uri(options.Api),
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly List<string> _report = [];

    public async Task RunAsync()
    {
        var tokens = await LogInAllAsync();
        await WarmUpAsync(tokens);
        var only = Environment.GetEnvironmentVariable("FRIENDER_BENCH_ONLY");

        var sqlRows = new List<LatencyRow>();
        if (only is null or "sql")
        {
            foreach (var cohort in new[] { "city", "rural", "heavy" })
                sqlRows.Add(await SqlLatencyAsync(cohort, runs: 200));
        }

        var results = new List<LatencyRow>();
        if (only is null or "discover")
        {
            foreach (var cohort in new[] { "city", "rural", "heavy" })
            {
                results.Add(await DiscoverLatencyAsync(cohort, [tokens[cohort][0]], iterations: 200));
                results.Add(await DiscoverLatencyAsync(cohort, tokens[cohort], iterations: 40));
            }
        }

        // A smaller population's run stops here: its discovery figures go beside the full run's (--compare).
        if (options.RowsOut is { } rowsOut)
        {
            await File.WriteAllTextAsync(rowsOut, JsonSerializer.Serialize(new ScaleRun(await CountAsync("users"), [.. sqlRows, .. results])));
            return;
        }

        if (only is null or "swipe")
        {
            var cpu = new CpuMeter(options.ApiPid, await PostmasterPidAsync());
            var walBefore = await WalFlushesAsync();
            var before = cpu.Take();
            var swipes = await SwipeThroughputAsync(tokens["worker"], TimeSpan.FromSeconds(20));
            var swipeCpu = CpuMeter.Between(before, cpu.Take(), swipes.Count);
            var walAfter = await WalFlushesAsync();
            var commits = Math.Max(1, walAfter.Commits - walBefore.Commits);
            var commitsPerFlush = (double)commits / Math.Max(1, walAfter.Flushes - walBefore.Flushes);
            var fullPagesPerCommit = (double)(walAfter.FullPageImages - walBefore.FullPageImages) / commits;
            var walKbPerCommit = (double)(walAfter.Bytes - walBefore.Bytes) / 1024 / commits;
            Console.WriteLine($"swipe CPU: {swipeCpu}; {commitsPerFlush:F2} commits per WAL flush, {walKbPerCommit:F1} kB of WAL and {fullPagesPerCommit:F2} full-page images per commit");
            var delayed = await SwipesWithCommitDelayAsync(tokens["worker"]);
            var (ceiling, anonymous) = await CeilingsAsync(tokens["worker"]);
            var profile = await ProfileAsync(tokens["worker"]);
            if (only is null)
                await WriteReportAsync(results, sqlRows, swipes, swipeCpu, commitsPerFlush, ceiling, anonymous, profile);
            if (options.Facts is { } facts)
            {
                await File.AppendAllTextAsync(facts, string.Create(CultureInfo.InvariantCulture,
                    $"SWIPES_PER_S={swipes.PerSecond:F0}\nAUTH_TYPENAME_PER_S={ceiling.PerSecond:F0}\nANON_TYPENAME_PER_S={anonymous.PerSecond:F0}\n" +
                    $"SWIPES_DELAYED_PER_S={(delayed?.PerSecond ?? 0):F0}\nSWIPE_COMMITS_PER_FLUSH={commitsPerFlush:F2}\nSWIPE_FPI={fullPagesPerCommit:F2}\nSWIPE_WAL_KB={walKbPerCommit:F1}\nSWIPE_BUSY={swipeCpu.MachineBusy * 100:F0}\nSWIPE_MACHINE_MS={swipeCpu.MachineMs:F2}\nSWIPE_API_MS={swipeCpu.ApiMs:F2}\nSWIPE_PG_MS={swipeCpu.PostgresMs:F2}\nSWIPE_GEN_MS={swipeCpu.LoadGeneratorMs:F2}\n"));
            }
        }
    }

    /// <summary>
    /// The same swipe run with Postgres's group commit stretched (<c>commit_delay</c> 1000 µs: a committing backend
    /// waits for others to share its WAL flush), then set back; null when the bench's role may not change it.
    /// </summary>
    private async Task<LatencyRow?> SwipesWithCommitDelayAsync(IReadOnlyList<string> tokens)
    {
        async Task SetAsync(string statement)
        {
            await using var connection = new NpgsqlConnection(options.Connection);
            await connection.OpenAsync();
            await using (var alter = new NpgsqlCommand(statement, connection))
                await alter.ExecuteNonQueryAsync();
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await reload.ExecuteNonQueryAsync();
        }

        try
        {
            await SetAsync("ALTER SYSTEM SET commit_delay = 1000");
        }
        catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return null;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var row = await SwipeThroughputAsync(tokens, TimeSpan.FromSeconds(20), report: false);
            row = row with { Name = row.Name + ", commit_delay 1000" };
            Console.WriteLine(row + $" => {row.PerSecond:F0} swipes/s");
            return row;
        }
        finally
        {
            await SetAsync("ALTER SYSTEM RESET commit_delay");
        }
    }

    /// <summary>Commits in the database and WAL flushes (fsyncs) of the cluster so far: their ratio is how many commits share a flush.</summary>
    private async Task<(long Commits, long Flushes, long FullPageImages, decimal Bytes)> WalFlushesAsync()
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()), wal_sync, wal_fpi, wal_bytes FROM pg_stat_wal", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDecimal(3));
    }

    /// <summary>The postmaster: the parent of this connection's backend.</summary>
    private async Task<int> PostmasterPidAsync()
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return CpuMeter.ParentOf(backend);
    }

    /// <summary>
    /// Where swipe's and sendMessage's time goes, in a run of its own after the throughput runs (the API's span profile
    /// is on only for it): the swipe workers' loop, then each worker messaging its match as fast as it can.
    /// </summary>
    private async Task<JsonObject> ProfileAsync(IReadOnlyList<string> tokens)
    {
        var matches = await WorkerMatchesAsync();
        (await _http.PostAsync("/bench/profile/start", null)).EnsureSuccessStatusCode();
        await SwipeThroughputAsync(tokens, TimeSpan.FromSeconds(8), report: false);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(8);
        await Task.WhenAll(matches.Select(match => Task.Run(async () =>
        {
            for (var index = 0; DateTime.UtcNow < until; index++)
                await PostAsync(SendMutation, new { id = match.MatchId, b = $"bench {index}" }, tokens[match.Worker]);
        })));
        using var stopped = await _http.PostAsync("/bench/profile/stop", null);
        stopped.EnsureSuccessStatusCode();
        return JsonNode.Parse(await stopped.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>A match between each two swipe workers (worker_00 with worker_01, ...), made in the database.</summary>
    private async Task<List<(int Worker, Guid MatchId)>> WorkerMatchesAsync()
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        var matches = new List<(int, Guid)>();
        for (var worker = 0; worker + 1 < BenchOptions.SwipeWorkers; worker += 2)
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO matches (id, user_low_id, user_high_id, created_at, last_activity_at)
                SELECT gen_random_uuid(), least(a.id, b.id), greatest(a.id, b.id), now(), now()
                FROM users a, users b WHERE a.username = @a AND b.username = @b
                ON CONFLICT (user_low_id, user_high_id) DO UPDATE SET ended_at = NULL, frozen_at = NULL
                RETURNING id
                """, connection);
            command.Parameters.AddWithValue("a", $"worker_{worker:D2}");
            command.Parameters.AddWithValue("b", $"worker_{worker + 1:D2}");
            var id = (Guid)(await command.ExecuteScalarAsync())!;
            matches.Add((worker, id));
            matches.Add((worker + 1, id));
        }

        return matches;
    }

    private async Task<Dictionary<string, List<string>>> LogInAllAsync()
    {
        var cohorts = new Dictionary<string, int> { ["heavy"] = BenchOptions.CohortSize, ["city"] = BenchOptions.CohortSize, ["rural"] = BenchOptions.CohortSize, ["worker"] = BenchOptions.SwipeWorkers };
        var tokens = new Dictionary<string, List<string>>();
        foreach (var (cohort, size) in cohorts)
        {
            tokens[cohort] = [];
            for (var index = 0; index < size; index++)
            {
                var response = await PostAsync(
                    "mutation L($u: String!, $p: String!) { logIn(input: { username: $u, password: $p }) { accessToken } }",
                    new { u = $"{cohort}_{index:D2}", p = BenchOptions.Password }, null);
                tokens[cohort].Add(response["data"]!["logIn"]!["accessToken"]!.GetValue<string>());
            }
        }

        return tokens;
    }

    /// <summary>
    /// Steady state, not start-up, is measured: the same browse-and-answer loop, untimed, as another person of each
    /// cohort (the JIT's optimised code and cached plans), then by the swipe workers all at once, so the pool already
    /// holds as many connections as the busiest run needs: each new Postgres backend spends tens of milliseconds
    /// filling its caches, and sixteen opened at once stalled the first requests of a run for about a second.
    /// </summary>
    private async Task WarmUpAsync(Dictionary<string, List<string>> tokens)
    {
        foreach (var cohort in new[] { "city", "rural", "heavy" })
            await DiscoverLatencyAsync(cohort, [tokens[cohort][^1]], iterations: 50, report: false);
        await DiscoverLatencyAsync("worker", tokens["worker"], iterations: 3, report: false);
    }

    /// <summary>Each client loops: discover 20 (timed), then answer NO to everyone shown (untimed), as a person browsing would.</summary>
    private async Task<LatencyRow> DiscoverLatencyAsync(string cohort, IReadOnlyList<string> tokens, int iterations, bool report = true)
    {
        var latencies = new ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(token => Task.Run(async () =>
        {
            for (var iteration = 0; iteration < iterations; iteration++)
            {
                var watch = Stopwatch.StartNew();
                var page = await PostAsync(DiscoverQuery, new { first = 20 }, token);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                foreach (var edge in page["data"]!["discover"]!["edges"]!.AsArray())
                    await PostAsync(SwipeMutation, new { id = edge!["node"]!["id"]!.GetValue<string>(), d = "NO" }, token);
            }
        })));
        var row = LatencyRow.From($"{cohort}, {tokens.Count} client{(tokens.Count == 1 ? "" : "s")}", latencies, wall.Elapsed);
        if (report)
            Console.WriteLine(row);
        return row;
    }

    /// <summary>The discovery statement alone from the very start (no watermark), for the same viewers, straight on Npgsql.</summary>
    private async Task<LatencyRow> SqlLatencyAsync(string cohort, int runs)
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        var viewers = new List<Viewer>();
        await using (var command = new NpgsqlCommand(
            "SELECT p.user_id, ST_X(p.location::geometry), ST_Y(p.location::geometry), p.friend_radius_miles FROM profiles p JOIN users u ON u.id = p.user_id WHERE u.username LIKE @prefix ORDER BY u.username", connection))
        {
            command.Parameters.AddWithValue("prefix", cohort + "_%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                viewers.Add(new Viewer(reader.GetGuid(0), new Point(reader.GetDouble(1), reader.GetDouble(2)) { SRID = 4326 }, reader.GetInt32(3)));
        }

        var latencies = new List<double>();
        var wall = Stopwatch.StartNew();
        for (var run = 0; run < runs; run++)
        {
            await using var command = CandidateQueries.NearestCommand(connection, viewers[run % viewers.Count], null, null, 21);
            var watch = Stopwatch.StartNew();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        var row = LatencyRow.From($"{cohort}, SQL only, 1 client", latencies, wall.Elapsed);
        Console.WriteLine(row);
        return row;
    }

    /// <summary>Workers keep discovering 50 and answering each one (30% yes); only the swipes are counted and timed.</summary>
    private async Task<LatencyRow> SwipeThroughputAsync(IReadOnlyList<string> tokens, TimeSpan duration, bool report = true)
    {
        var latencies = new ConcurrentBag<double>();
        var until = DateTime.UtcNow + duration;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select((token, worker) => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (DateTime.UtcNow < until)
            {
                var page = await PostAsync(DiscoverQuery, new { first = 50 }, token);
                var edges = page["data"]!["discover"]!["edges"]!.AsArray();
                if (edges.Count == 0)
                    return;
                foreach (var edge in edges)
                {
                    if (DateTime.UtcNow >= until)
                        return;
                    var watch = Stopwatch.StartNew();
                    var answer = await PostAsync(SwipeMutation, new { id = edge!["node"]!["id"]!.GetValue<string>(), d = random.Next(10) < 3 ? "YES" : "NO" }, token);
                    if (answer["errors"] is null)
                        latencies.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        })));
        var row = LatencyRow.From($"swipe, {tokens.Count} clients", latencies, wall.Elapsed);
        if (report)
            Console.WriteLine(row + $" => {row.PerSecond:F0} swipes/s");
        return row;
    }

    /// <summary>
    /// The cheapest authenticated request (the token's signature checked and its revocation looked up in memory, nothing else) from the same
    /// clients: what this machine can serve at all with the load generator beside it, to read the swipe rate against.
    /// </summary>
    /// <summary>
    /// The same request with and without a token, in alternating slices of 2.5 s (four of each, 10 s each in all), so
    /// that whatever the machine does meanwhile (autovacuum after the swipes, another tenant) falls on both alike.
    /// </summary>
    private async Task<(LatencyRow Authenticated, LatencyRow Anonymous)> CeilingsAsync(IReadOnlyList<string> tokens)
    {
        var slice = TimeSpan.FromSeconds(2.5);
        var authenticated = (Latencies: new ConcurrentBag<double>(), Wall: TimeSpan.Zero);
        var anonymous = (Latencies: new ConcurrentBag<double>(), Wall: TimeSpan.Zero);
        for (var round = 0; round < 4; round++)
        {
            authenticated.Wall += await CeilingSliceAsync(tokens, authenticated.Latencies, slice);
            anonymous.Wall += await CeilingSliceAsync(tokens.Select(_ => (string?)null).ToList(), anonymous.Latencies, slice);
        }

        var rows = (
            LatencyRow.From($"authenticated {CeilingQuery}, {tokens.Count} clients", authenticated.Latencies, authenticated.Wall),
            LatencyRow.From($"anonymous {CeilingQuery}, {tokens.Count} clients", anonymous.Latencies, anonymous.Wall));
        Console.WriteLine(rows.Item1 + $" => {rows.Item1.PerSecond:F0} requests/s");
        Console.WriteLine(rows.Item2 + $" => {rows.Item2.PerSecond:F0} requests/s");
        return rows;
    }

    private async Task<TimeSpan> CeilingSliceAsync(IReadOnlyList<string?> tokens, ConcurrentBag<double> latencies, TimeSpan duration)
    {
        var until = DateTime.UtcNow + duration;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(token => Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
            {
                var watch = Stopwatch.StartNew();
                await PostAsync(CeilingQuery, new { }, token);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        })));
        return wall.Elapsed;
    }

    private async Task<JsonObject> PostAsync(string query, object variables, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        if (body["errors"] is { } errors && query != SwipeMutation)
            throw new InvalidOperationException(errors.ToJsonString());
        return body;
    }

    private async Task WriteReportAsync(List<LatencyRow> http, List<LatencyRow> sql, LatencyRow swipes, CpuUse swipeCpu, double commitsPerFlush, LatencyRow ceiling, LatencyRow anonymous, JsonObject profile)
    {
        var users = await CountAsync("users");
        var swipeRows = await CountAsync("swipes");
        var photos = await CountAsync("photos");
        var memory = File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal", StringComparison.Ordinal));
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim();

        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured by `make bench` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores ({cpu}), {memory.Split(':')[1].Trim()} memory, PostgreSQL 15 + PostGIS 3 and the API (Release) on the same machine, the load generator too.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Data: {users:N0} users with complete profiles over real US ZIP codes (denser where ZIP codes are dense), {swipeRows:N0} swipes between neighbours. {photos:N0} photo rows (three people in four have 1-4), so discovery signs a URL for each photo shown. Cohorts of {BenchOptions.CohortSize}: *city* users in the 200 densest ZIP codes (radius 25 mi), *rural* users in sparse ZIP codes (radius 50 mi), and *heavy* swipers in the densest ZIP code who already answered their {BenchOptions.HeavySwipes:N0} nearest people (radius 25 mi).");
        text.AppendLine();
        text.AppendLine("## discover(first: 20) over HTTP");
        text.AppendLine();
        text.AppendLine("Each client loops: `discover(first: 20)` (timed), then `swipe` NO on everyone shown (not timed), as a person browsing would; so every page is a new walk from the viewer's watermark past the people just answered. Measured after a warm-up: the same loop, untimed, 50 pages as another person of each cohort, then 3 pages by each of the 32 swipe workers at once (so the connection pool is already as large as the busiest run needs).");
        text.AppendLine();
        AppendTable(text, http);
        text.AppendLine();
        text.AppendLine("## The discovery SQL alone");
        text.AppendLine();
        text.AppendLine("The statement `discover` runs (the walk, `discovery_candidates`, with each person's profile and photos) from the very start, without a watermark, 21 people, for the same viewers, on one connection; a heavy swiper pays this once per API replica every 10 minutes:");
        text.AppendLine();
        AppendTable(text, sql);
        text.AppendLine();
        if (options.Compare is { } compare)
            AppendScaleComparison(text, JsonSerializer.Deserialize<ScaleRun>(await File.ReadAllTextAsync(compare))!, users, [.. sql, .. http]);
        text.AppendLine("## swipe over HTTP");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{BenchOptions.SwipeWorkers} clients, each discovering 50 people and answering each (30% yes) for 20 s. **{swipes.PerSecond:F0} swipes/s.**");
        text.AppendLine();
        AppendTable(text, [swipes]);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Where the cores went during those 20 s (from /proc): the machine was **{swipeCpu.MachineBusy:P0} busy**; per swipe, the API spent {swipeCpu.ApiMs:F2} ms of CPU, Postgres {swipeCpu.PostgresMs:F2} ms, this load generator {swipeCpu.LoadGeneratorMs:F2} ms: **{swipeCpu.MachineMs:F2} ms of CPU per swipe** in all, the discover requests between the swipes included. Postgres's own group commit shared each WAL flush among **{commitsPerFlush:F1} commits** on average (`pg_stat_wal.wal_sync` against `xact_commit`).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"For scale, the same clients sending the cheapest authenticated request (`{CeilingQuery}`: the token verified and its revocation looked up in the process's memory, nothing else) for 10 s, in four slices alternating with the anonymous one below: **{ceiling.PerSecond:F0} requests/s**, the most this machine serves with the load generator on it.");
        text.AppendLine();
        AppendTable(text, [ceiling, anonymous]);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Without a token, the same request (parsed, validated and answered, nothing checked): **{anonymous.PerSecond:F0} requests/s**; the token check leaves **{ceiling.PerSecond / anonymous.PerSecond:F2}** of that.");
        text.AppendLine();
        AppendProfile(text, profile);
        await File.WriteAllTextAsync(options.Output, text.ToString());
        Console.WriteLine($"wrote {options.Output}");
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The same runs on a town-sized database, measured first in the same make bench, beside this one's.</summary>
    private static void AppendScaleComparison(StringBuilder text, ScaleRun town, long users, IReadOnlyList<LatencyRow> country)
    {
        text.AppendLine("## From a town to a country");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The same runs, measured first in the same `make bench` against a database of {town.Users:N0} people seeded the same way (ten swipes a person, the same cohorts; the heavy swipers have answered everyone there). A ratio above 1 means the town is slower than the country. The HTTP loops are closed (discover, then answer everyone shown): where a town has fewer people to answer, its clients spend less time swiping and ask for pages more often, which the discover/s columns show.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| run | p50 ms, {town.Users:N0} | p50 ms, {users:N0} | p99 ms, {town.Users:N0} | p99 ms, {users:N0} | p50 ratio town / country | discover/s, {town.Users:N0} | discover/s, {users:N0} |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var row in country)
        {
            if (town.Rows.FirstOrDefault(candidate => candidate.Name == row.Name) is not { } small)
                continue;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Name} | {small.P50:F1} | {row.P50:F1} | {small.P99:F1} | {row.P99:F1} | {small.P50 / row.P50:F2} | {small.PerSecond:F0} | {row.PerSecond:F0} |");
        }

        text.AppendLine();
    }

    /// <summary>The span profile (SpanProfile in the API): per operation, each stage's spans and milliseconds per request.</summary>
    private static void AppendProfile(StringBuilder text, JsonObject profile)
    {
        text.AppendLine("## Where a request's time goes");
        text.AppendLine();
        text.AppendLine("A run of its own after the throughput runs above, with the API's span profile on (`/bench/profile/start`, mapped only with `Bench__Endpoints=true`; nothing listens to the spans otherwise): the 32 swipe workers' discover-and-answer loop for 8 s, then each of them sending messages to a match as fast as it can for 8 s. Milliseconds per request are each stage's spans added up and divided by the requests; stages nest (parse and validation are inside GraphQL, the use case inside it, the SQL inside the use case), so they do not add up to the whole. Under load, a stage's time includes waiting for a core.");
        text.AppendLine();
        var fields = new[] { "swipe", "sendMessage", "discover" }.Where(field => profile[field] is not null).ToArray();
        text.Append("| stage |");
        foreach (var field in fields)
            text.Append(CultureInfo.InvariantCulture, $" `{field}` ({profile[field]!["requests"]!.GetValue<long>():N0} requests): ms per request (spans per request) |");
        text.AppendLine();
        text.AppendLine("|---|" + string.Concat(fields.Select(_ => "---|")));
        foreach (var (stage, label) in Stages)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {label} |");
            foreach (var field in fields)
            {
                var figures = profile[field]!["stages"]![stage];
                text.Append(figures is null
                    ? " – |"
                    : string.Create(CultureInfo.InvariantCulture, $" {figures["millisecondsPerRequest"]!.GetValue<double>():F2} ({figures["spansPerRequest"]!.GetValue<double>():F2}) |"));
            }

            text.AppendLine();
        }

        text.AppendLine();
        foreach (var field in fields)
            Console.WriteLine($"profile {field}: {profile[field]!.ToJsonString()}");
    }

    private static void AppendTable(StringBuilder text, IEnumerable<LatencyRow> rows)
    {
        text.AppendLine("| run | requests | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Count} | {row.P50:F1} | {row.P95:F1} | {row.P99:F1} | {row.Max:F1} |");
    }
}

internal sealed record ScaleRun(long Users, IReadOnlyList<LatencyRow> Rows);

internal sealed record LatencyRow(string Name, int Count, double P50, double P95, double P99, double Max, TimeSpan Wall)
{
    public static LatencyRow From(string name, IEnumerable<double> samples, TimeSpan wall)
    {
        var sorted = samples.Order().ToArray();
        double At(double quantile) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return new LatencyRow(name, sorted.Length, At(0.50), At(0.95), At(0.99), sorted.LastOrDefault(), wall);
    }

    public double PerSecond => Count / Wall.TotalSeconds;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: n={Count} p50={P50:F1} p95={P95:F1} p99={P99:F1} max={Max:F1} ms");
}
