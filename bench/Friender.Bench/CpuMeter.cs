using System.Diagnostics;
using System.Globalization;

namespace Friender.Bench;

/// <summary>
/// CPU time from /proc, to say where a run's cores went: the whole machine (busy and total), the API process, Postgres
/// (the postmaster, its children, and the children it reaped: a backend whose client disconnected) and this load generator. Linux clock ticks are 10 ms (USER_HZ 100).
/// </summary>
internal sealed class CpuMeter(int apiPid, int postmasterPid)
{
    private const double MillisecondsPerTick = 10;

    public CpuSample Take()
    {
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var busy = machine[0] + machine[1] + machine[2] + machine[5] + machine[6] + (machine.Length > 7 ? machine[7] : 0);
        long postgres = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || ProcessTicks(pid) is not { } ticks)
                continue;
            if (pid == postmasterPid)
                postgres += ticks.Ticks + ticks.ReapedChildrenTicks;
            else if (ticks.ParentPid == postmasterPid)
                postgres += ticks.Ticks;
        }

        return new CpuSample(busy, busy + machine[3] + machine[4], ProcessTicks(apiPid)?.Ticks ?? 0, postgres, Process.GetCurrentProcess().TotalProcessorTime);
    }

    /// <summary>What <paramref name="operations"/> operations between two samples cost, per operation and in all.</summary>
    public static CpuUse Between(CpuSample before, CpuSample after, long operations) => new(
        (double)(after.MachineBusy - before.MachineBusy) / Math.Max(1, after.MachineTotal - before.MachineTotal),
        (after.Api - before.Api) * MillisecondsPerTick / Math.Max(1, operations),
        (after.Postgres - before.Postgres) * MillisecondsPerTick / Math.Max(1, operations),
        (after.Self - before.Self).TotalMilliseconds / Math.Max(1, operations),
        (after.MachineBusy - before.MachineBusy) * MillisecondsPerTick / Math.Max(1, operations));

    /// <summary>The parent of a running process.</summary>
    public static int ParentOf(int pid) => ProcessTicks(pid)?.ParentPid ?? throw new InvalidOperationException($"No process {pid}.");

    /// <summary>A process's CPU ticks, its parent, and the ticks of its children that ended (a backend that disconnected).</summary>
    private static (long Ticks, int ParentPid, long ReapedChildrenTicks)? ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces: state ppid ... utime(14)
            // stime(15) cutime(16) cstime(17).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return (Field(14) + Field(15), (int)Field(4), Field(16) + Field(17));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

internal sealed record CpuSample(long MachineBusy, long MachineTotal, long Api, long Postgres, TimeSpan Self);

/// <param name="MachineBusy">The share of all cores that was busy (0-1).</param>
/// <param name="MachineMs">CPU milliseconds the whole machine spent per operation, everything included.</param>
internal sealed record CpuUse(double MachineBusy, double ApiMs, double PostgresMs, double LoadGeneratorMs, double MachineMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"machine {MachineBusy:P0} busy; CPU ms per operation: API {ApiMs:F2}, Postgres {PostgresMs:F2}, load generator {LoadGeneratorMs:F2}, whole machine {MachineMs:F2}");
}
