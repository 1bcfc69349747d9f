namespace Friender.Infrastructure.Redis;

/// <summary>The Lua scripts in this folder, embedded in the assembly as <c>redis/*.lua</c>.</summary>
internal static class RedisScripts
{
    public static string Text(string fileName)
    {
        using var stream = typeof(RedisScripts).Assembly.GetManifestResourceStream("redis/" + fileName)
            ?? throw new InvalidOperationException($"No embedded Redis script '{fileName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
