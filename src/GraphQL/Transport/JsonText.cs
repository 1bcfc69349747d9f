using System.Text.Json;

namespace Friender.GraphQL.Transport;

/// <summary>
/// JSON may escape a lone UTF-16 surrogate ("\ud800"), which parses but is not text: reading it as a string throws.
/// Checked only after such a read failed, so well-formed requests pay nothing.
/// </summary>
internal static class JsonText
{
    public const string LoneSurrogate = "The request holds a string that is not valid Unicode text (a lone UTF-16 surrogate).";

    public static bool IsReadable(JsonElement element)
    {
        try
        {
            return AllStringsReadable(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool AllStringsReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Array:
                return element.EnumerateArray().All(AllStringsReadable);
            case JsonValueKind.Object:
                return element.EnumerateObject().All(property => property.Name is not null && AllStringsReadable(property.Value));
            default:
                return true;
        }
    }
}
