namespace Friender.Architecture.Tests;

/// <summary>The repository these tests run in, and the C# sources under src/ that are ours to read.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Every .cs file under src/ but generated migrations and build output, as (path from the root, text).</summary>
    public static IEnumerable<(string Path, string Text)> HandWrittenSources() =>
        from file in Directory.EnumerateFiles(PathOf("src"), "*.cs", SearchOption.AllDirectories)
        let relative = Path.GetRelativePath(Root, file)
        let folders = relative.Split(Path.DirectorySeparatorChar)
        where !folders.Contains("Migrations") && !folders.Contains("obj") && !folders.Contains("bin")
        select (relative, File.ReadAllText(file));

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Friender.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Friender.sln was not found above " + AppContext.BaseDirectory);
    }
}
