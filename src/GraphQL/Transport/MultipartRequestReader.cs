using System.Text.Json;
using Friender.Application.Common.Exceptions;
using Friender.Application.Photos.UploadPhoto;
using Friender.Domain.Photos;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;

namespace Friender.GraphQL.Transport;

/// <summary>
/// The GraphQL multipart request spec (v2): an <c>operations</c> JSON field, a <c>map</c> from file fields to variable
/// paths, then the files, which land in the variables as <see cref="IFormFile"/> values for the Upload scalar.
/// </summary>
internal sealed class MultipartRequestReader(IGraphQLSerializer serializer)
{
    /// <summary>A photo, plus as much as a JSON request may carry for the operations and the map.</summary>
    public const long MaxBodyBytes = UploadPhotoHandler.MaxBytes + GraphQLRequestReader.MaxJsonBodyBytes;

    /// <summary>Nobody can hold more photos than this, so no request needs more files.</summary>
    public const int MaxFiles = PhotoAlbum.MaxPhotos;

    // A multipart form is a CORS "simple request": without a custom header a hostile page could post one cross-site.
    private static readonly string[] PreflightHeaders = ["GraphQL-Preflight", "GraphQL-Require-Preflight", "Apollo-Require-Preflight"];

    public static bool IsMultipart(string? contentType) =>
        contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    public async Task<GraphQLRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!PreflightHeaders.Any(header => !string.IsNullOrWhiteSpace(request.Headers[header])))
        {
            throw RequestFailure.BadRequest(
                "Multipart requests need a non-empty GraphQL-Preflight header (for example 'GraphQL-Preflight: 1'), which guards against cross-site request forgery.");
        }

        if (request.ContentLength > MaxBodyBytes)
            throw TooLarge();

        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
            sizeLimit.MaxRequestBodySize = MaxBodyBytes;

        IFormCollection form;
        try
        {
            form = await new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = MaxBodyBytes,
                ValueLengthLimit = (int)GraphQLRequestReader.MaxJsonBodyBytes,
                ValueCountLimit = 16,
            }).ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        catch (InvalidDataException malformed) when (malformed.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw TooLarge();
        }
        catch (InvalidDataException)
        {
            throw RequestFailure.BadRequest("The multipart body could not be read.");
        }

        if (form.Files.Count > MaxFiles)
            throw RequestFailure.BadRequest($"At most {MaxFiles} files can be sent in one request.");

        var operations = ParseJson(form["operations"], "operations");
        if (operations.ValueKind == JsonValueKind.Array)
            throw RequestFailure.BadRequest("Batched requests are not supported: send one operation per request.");
        if (operations.ValueKind != JsonValueKind.Object
            || !operations.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            throw RequestFailure.BadRequest("The 'operations' field must be a JSON object with a 'query' string.");
        }

        var variables = operations.TryGetProperty("variables", out var variablesElement) && variablesElement.ValueKind == JsonValueKind.Object
            ? Mutable(serializer.ReadNode<Inputs>(variablesElement))
            : new Dictionary<string, object?>();

        var map = ParseJson(form["map"], "map");
        if (map.ValueKind != JsonValueKind.Object)
            throw RequestFailure.BadRequest("The 'map' field must be a JSON object from file field names to lists of variable paths.");

        foreach (var entry in map.EnumerateObject())
        {
            var file = form.Files.GetFile(entry.Name)
                ?? throw RequestFailure.BadRequest($"The map names a file field '{entry.Name}' that the request does not contain.");
            if (entry.Value.ValueKind != JsonValueKind.Array)
                throw RequestFailure.BadRequest($"The map entry '{entry.Name}' must be a list of paths.");
            foreach (var path in entry.Value.EnumerateArray())
                Place(variables, path.ValueKind == JsonValueKind.String ? path.GetString()! : string.Empty, file);
        }

        string? operationName = operations.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
        return new GraphQLRequest { Query = query.GetString(), OperationName = operationName, Variables = new Inputs(variables) };
    }

    private static JsonElement ParseJson(string? json, string field)
    {
        if (string.IsNullOrEmpty(json))
            throw RequestFailure.BadRequest($"The multipart request has no '{field}' field.");
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw RequestFailure.BadRequest($"The '{field}' field is not valid JSON.");
        }
    }

    /// <summary>Puts a file where the map says, e.g. <c>variables.input.file</c>; the spot must hold null.</summary>
    private static void Place(Dictionary<string, object?> variables, string path, IFormFile file)
    {
        var segments = path.Split('.');
        if (segments.Length < 2 || segments[0] != "variables")
            throw RequestFailure.BadRequest($"The map path '{path}' must start with 'variables.'.");

        object? container = variables;
        for (var index = 1; index < segments.Length; index++)
        {
            var last = index == segments.Length - 1;
            var segment = segments[index];
            switch (container)
            {
                case Dictionary<string, object?> map when map.TryGetValue(segment, out var value):
                    if (last)
                    {
                        EnsureNull(value, path);
                        map[segment] = file;
                    }
                    else
                    {
                        container = value;
                    }

                    break;
                case List<object?> list when int.TryParse(segment, out var position) && position >= 0 && position < list.Count:
                    if (last)
                    {
                        EnsureNull(list[position], path);
                        list[position] = file;
                    }
                    else
                    {
                        container = list[position];
                    }

                    break;
                default:
                    throw RequestFailure.BadRequest($"The map path '{path}' does not point at a null placeholder in the variables.");
            }
        }
    }

    private static void EnsureNull(object? value, string path)
    {
        if (value is not null)
            throw RequestFailure.BadRequest($"The variable at '{path}' must be null in 'operations'; the file takes its place.");
    }

    private static Dictionary<string, object?> Mutable(IEnumerable<KeyValuePair<string, object?>>? source) =>
        source?.ToDictionary(pair => pair.Key, pair => MutableValue(pair.Value)) ?? [];

    private static object? MutableValue(object? value) => value switch
    {
        IEnumerable<KeyValuePair<string, object?>> map => Mutable(map),
        string => value,
        System.Collections.IEnumerable list => list.Cast<object?>().Select(MutableValue).ToList(),
        _ => value,
    };

    private static RequestFailure TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
            $"The request is larger than a photo may be ({UploadPhotoHandler.MaxMegabytes} MB).");
}
