using System.Collections.Concurrent;
using System.Reflection;

namespace Friender.Application.Common.Validation;

/// <summary>
/// What every string a client sends must be before anything else reads it: at most <see cref="MaxLength"/>
/// characters, and no control characters (NUL, escape, DEL, ...) except line breaks and tabs in text marked
/// <see cref="MultiLineTextAttribute"/>. Checked on every request's string and string-list properties by
/// <c>ValidationBehavior</c>, ahead of the use case's own rules, so a NUL never reaches Postgres (which refuses it in
/// text) and a megabyte never reaches a regular expression.
/// </summary>
public static class TextHygiene
{
    public const int MaxLength = 10_000;

    private static readonly ConcurrentDictionary<Type, TextProperty[]> Properties = new();

    /// <summary>The problems found, by camelCase property name; empty when every string is clean.</summary>
    public static Dictionary<string, string[]> Check(object message)
    {
        var problems = new Dictionary<string, string[]>();
        foreach (var property in Properties.GetOrAdd(message.GetType(), TextPropertiesOf))
        {
            var texts = property.Info.GetValue(message) switch
            {
                string text => [text],
                IEnumerable<string?> list => list.OfType<string>(),
                _ => [],
            };
            if (texts.Select(text => Problem(text, property.MultiLine)).FirstOrDefault(problem => problem is not null) is { } found)
                problems[property.FieldName] = [found];
        }

        return problems;
    }

    /// <summary>Why <paramref name="text"/> is refused, or null.</summary>
    public static string? Problem(string text, bool multiLine)
    {
        if (text.Length > MaxLength)
            return $"This text is longer than {MaxLength:N0} characters.";
        foreach (var character in text)
        {
            if (char.IsControl(character) && !(multiLine && character is '\n' or '\r' or '\t'))
                return multiLine
                    ? "Remove control characters (such as NUL) from this text; line breaks and tabs are fine."
                    : "Remove control characters (such as NUL, line breaks or tabs) from this text.";
        }

        return null;
    }

    private static TextProperty[] TextPropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType))
            .Select(property => new TextProperty(
                property,
                char.ToLowerInvariant(property.Name[0]) + property.Name[1..],
                property.GetCustomAttribute<MultiLineTextAttribute>() is not null))
            .ToArray();

    private sealed record TextProperty(PropertyInfo Info, string FieldName, bool MultiLine);
}
