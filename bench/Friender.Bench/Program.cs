using Friender.Bench;

// make bench: seed a million people (once per data folder), then measure the real HTTP endpoint and the SQL alone.
var options = BenchOptions.Parse(args);
switch (options.Command)
{
    case "seed":
        await new Seeder(options).RunAsync();
        break;
    case "run":
        await new Runner(options).RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: Friender.Bench seed|run --connection <postgres> [--api <url>] [--out <markdown>] [--users N] [--swipes N]");
        return 2;
}

return 0;
