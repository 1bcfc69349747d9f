using Microsoft.Net.Http.Headers;

namespace Friender.GraphQL.Transport;

internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// Picks the response media type from Accept, in the client's order of preference. No Accept, */* and
    /// application/* get application/json, which every client understands; null means nothing we serve is acceptable.
    /// </summary>
    public static string? Negotiate(IList<string> acceptHeaders)
    {
        if (acceptHeaders.Count == 0)
            return Json;

        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
            return Json;

        foreach (var candidate in accepted.Where(value => value.Quality is not 0).OrderByDescending(value => value.Quality ?? 1))
        {
            var mediaType = candidate.MediaType.Value;
            if (string.Equals(mediaType, GraphQLResponse, StringComparison.OrdinalIgnoreCase))
                return GraphQLResponse;
            if (string.Equals(mediaType, Json, StringComparison.OrdinalIgnoreCase)
                || string.Equals(mediaType, "application/*", StringComparison.OrdinalIgnoreCase)
                || string.Equals(mediaType, "*/*", StringComparison.OrdinalIgnoreCase))
            {
                return Json;
            }
        }

        return null;
    }

    public static bool IsJsonUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Value is null
            || string.Equals(parsed.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)
            || string.Equals(parsed.Charset.Value, "utf8", StringComparison.OrdinalIgnoreCase));

    public static bool PrefersHtml(IList<string> acceptHeaders) =>
        MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted)
        && accepted.Any(value => string.Equals(value.MediaType.Value, "text/html", StringComparison.OrdinalIgnoreCase));
}
