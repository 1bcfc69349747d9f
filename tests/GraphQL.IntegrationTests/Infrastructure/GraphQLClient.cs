using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>A plain GraphQL-over-HTTP client, as a web client would send requests.</summary>
public sealed class GraphQLClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<GraphQLResponse> SendAsync(string query, object? variables = null, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>A GraphQL multipart request (spec v2) carrying one file in the variable <paramref name="fileVariable"/>.</summary>
    public async Task<GraphQLResponse> UploadAsync(
        string query, string fileVariable, byte[] file, string fileName, string? accessToken, bool preflight = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query, variables = new Dictionary<string, object?> { [fileVariable] = null } })), "operations" },
            { new StringContent(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["0"] = [$"variables.{fileVariable}"] })), "map" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(content, "0", fileName);
        request.Content = form;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (preflight)
            request.Headers.Add("GraphQL-Preflight", "1");
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    public void Dispose() => Http.Dispose();
}

public sealed record GraphQLResponse(int StatusCode, JsonObject Body)
{
    public JsonNode? Data => Body["data"];

    public JsonArray Errors => Body["errors"]?.AsArray() ?? [];

    public string? ErrorCode => Errors.Count > 0 ? Errors[0]?["extensions"]?["code"]?.GetValue<string>() : null;

    public JsonNode Field(string path)
    {
        if (Errors.Count > 0)
            throw new InvalidOperationException("The response has errors: " + Body.ToJsonString());
        JsonNode? node = Data;
        foreach (var segment in path.Split('.'))
            node = node is JsonArray array && int.TryParse(segment, out var index) ? array[index] : node?[segment];
        return node ?? throw new InvalidOperationException($"No '{path}' in " + Body.ToJsonString());
    }

    public string String(string path) => Field(path).GetValue<string>();

    public override string ToString() => Body.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
