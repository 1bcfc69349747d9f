namespace Friender.Bench;

internal sealed record BenchOptions(string Command, string Connection, string Api, string Output, int Users, int Swipes, string? RowsOut, string? Compare, string? Facts, int ApiPid)
{
    public const int CohortSize = 16;
    public const int SwipeWorkers = 32;
    public const int HeavySwipes = 10_000;
    public const string Password = "friender-bench";

    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        return new BenchOptions(
            args.FirstOrDefault() ?? string.Empty,
            Value("--connection", Environment.GetEnvironmentVariable("FRIENDER_BENCH_POSTGRES") ?? string.Empty),
            Value("--api", "http://127.0.0.1:5000"),
            Value("--out", "docs/benchmarks.md"),
            int.Parse(Value("--users", "1000000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--swipes", "10000000"), System.Globalization.CultureInfo.InvariantCulture),
            Value("--rows-out", string.Empty) is { Length: > 0 } rowsOut ? rowsOut : null,
            Value("--compare", string.Empty) is { Length: > 0 } compare ? compare : null,
            Value("--facts", string.Empty) is { Length: > 0 } facts ? facts : null,
            int.Parse(Value("--api-pid", "0"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
