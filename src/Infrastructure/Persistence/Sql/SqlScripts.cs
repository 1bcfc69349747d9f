using System.Collections.Concurrent;

namespace Friender.Infrastructure.Persistence.Sql;

/// <summary>The hot statements that live in .sql files beside this class, embedded in the assembly.</summary>
internal static class SqlScripts
{
    private static readonly ConcurrentDictionary<string, string> Loaded = new(StringComparer.Ordinal);

    public static string Load(string fileName) => Loaded.GetOrAdd(fileName, static name =>
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream($"sql/{name}")
            ?? throw new InvalidOperationException($"No embedded SQL script '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
