using System.Text.RegularExpressions;

namespace Friender.Domain.Profiles;

/// <summary>Hobbies and interests as people type them: trimmed, inner spaces collapsed, repeats (in any case) dropped.</summary>
public static partial class TagList
{
    public const int MinCount = 1;
    public const int MaxCount = 20;
    public const int MaxLength = 40;

    public static IReadOnlyList<string> Normalize(IEnumerable<string?> tags)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var tag in tags)
        {
            var cleaned = Whitespace().Replace(tag ?? string.Empty, " ").Trim();
            if (cleaned.Length > 0 && seen.Add(cleaned))
                result.Add(cleaned);
        }

        return result;
    }

    public static bool IsValid(IReadOnlyList<string> normalized) =>
        normalized.Count is >= MinCount and <= MaxCount && normalized.All(tag => tag.Length <= MaxLength);

    /// <summary>The tags of <paramref name="mine"/> that also appear in <paramref name="theirs"/>, in my order.</summary>
    public static IReadOnlyList<string> Shared(IReadOnlyList<string> mine, IReadOnlyList<string> theirs)
    {
        var other = new HashSet<string>(theirs, StringComparer.OrdinalIgnoreCase);
        return mine.Where(other.Contains).ToList();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
