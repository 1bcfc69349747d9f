using System.Text.Json;
using Friender.Application.Common.Exceptions;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;

namespace Friender.GraphQL.Transport;

/// <summary>Reads a GraphQL-over-HTTP request (POST JSON body or GET query string), refusing malformed ones with 4xx.</summary>
internal sealed class GraphQLRequestReader(IGraphQLSerializer serializer)
{
    public const long MaxJsonBodyBytes = 1024 * 1024;

    public async Task<GraphQLRequest> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ContentType))
            throw Unsupported("Send the request with Content-Type: application/json.");
        if (!MediaTypes.IsJsonUtf8(request.ContentType))
            throw Unsupported($"Content-Type '{request.ContentType}' is not supported: send application/json in UTF-8.");
        if (request.ContentLength > MaxJsonBodyBytes)
            throw TooLarge();

        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
            sizeLimit.MaxRequestBodySize = MaxJsonBodyBytes;

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            throw RequestFailure.BadRequest("The body is not valid JSON.");
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }

        using (document)
        {
            try
            {
                return FromJson(document.RootElement);
            }
            catch (InvalidOperationException) when (!JsonText.IsReadable(document.RootElement))
            {
                throw RequestFailure.BadRequest(JsonText.LoneSurrogate);
            }
        }
    }

    public GraphQLRequest ReadGet(IQueryCollection query)
    {
        return new GraphQLRequest
        {
            Query = NonEmpty(query["query"]) ?? throw MissingQuery(),
            OperationName = NonEmpty(query["operationName"]),
            Variables = ParseJsonMap(NonEmpty(query["variables"]), "variables"),
            Extensions = ParseJsonMap(NonEmpty(query["extensions"]), "extensions"),
        };
    }

    private GraphQLRequest FromJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
            throw RequestFailure.BadRequest("Batched requests are not supported: send one operation per request.");
        if (root.ValueKind != JsonValueKind.Object)
            throw RequestFailure.BadRequest("The body must be a JSON object with a 'query' string.");

        var query = root.TryGetProperty("query", out var queryElement) ? queryElement : default;
        if (query.ValueKind != JsonValueKind.String)
        {
            throw query.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                ? MissingQuery()
                : RequestFailure.BadRequest("'query' must be a string.");
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            operationName = name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : throw RequestFailure.BadRequest("'operationName' must be a string or null.");
        }

        return new GraphQLRequest
        {
            Query = query.GetString(),
            OperationName = operationName,
            Variables = ReadMap(root, "variables"),
            Extensions = ReadMap(root, "extensions"),
        };
    }

    private Inputs? ReadMap(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
            throw RequestFailure.BadRequest($"'{property}' must be a JSON object or null.");
        return ReadInputs(value);
    }

    private Inputs? ParseJsonMap(string? json, string parameter)
    {
        if (json is null)
            return null;

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
                return null;
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw RequestFailure.BadRequest($"'{parameter}' must be a JSON object.");
            return ReadInputs(document.RootElement);
        }
        catch (JsonException)
        {
            throw RequestFailure.BadRequest($"'{parameter}' is not valid JSON.");
        }
    }

    /// <summary>Variables and extensions are read deep inside the serializer: check their strings before it does.</summary>
    private Inputs? ReadInputs(JsonElement value) =>
        JsonText.IsReadable(value) ? serializer.ReadNode<Inputs>(value) : throw RequestFailure.BadRequest(JsonText.LoneSurrogate);

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues values) =>
        string.IsNullOrEmpty(values.ToString()) ? null : values.ToString();

    private static RequestFailure MissingQuery() =>
        RequestFailure.BadRequest("The request has no 'query': send a GraphQL document in it.");

    private static RequestFailure Unsupported(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, message);

    private static RequestFailure TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
            $"The request body is larger than {MaxJsonBodyBytes / 1024} KiB.");
}
