using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Transport;

/// <summary>GraphQL over HTTP as docs/protocols.md describes it; the graphql-http audit suite checks the rest in make test.</summary>
public sealed class HttpTransportTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task Post_WithJson_ShouldAnswerInTheAcceptedMediaTypeWithUtf8()
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("Query", (await BodyAsync(response))["data"]!["__typename"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    public async Task Post_WithLegacyOrNoAccept_ShouldAnswerApplicationJson(string? accept)
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: accept);

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Post_AcceptingNothingWeServe_ShouldAnswer406()
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("NOT_ACCEPTABLE", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Post_WithAContentTypeOtherThanJson_ShouldAnswer415(string contentType)
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""[{"query":"{ __typename }"}]""")]
    [InlineData("""{"qeury":"{ __typename }"}""")]
    [InlineData("""{"query":7}""")]
    [InlineData("""{"query":"{ __typename }","variables":[7]}""")]
    [InlineData("""{"query":"{ __typename }","operationName":5}""")]
    [InlineData("""{"query":"{ __typename } # \ud800"}""")]
    [InlineData("""{"query":"{ __typename }","operationName":"\udc00"}""")]
    [InlineData("""{"query":"query($x: String) { __typename }","variables":{"x":"lone \ud800 half"}}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"\ud800":1}}""")]
    [InlineData("""{"query":"{ __typename }","extensions":{"deep":[{"x":"\udfff"}]}}""")]
    public async Task Post_WithAMalformedRequest_ShouldAnswer400WithACode(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Post_WithADocumentThatDoesNotParse_ShouldAnswer400WithoutDataForGraphQLResponseJson()
    {
        using var response = await PostAsync("""{"query":"{"}""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await BodyAsync(response)).ContainsKey("data"));
    }

    [Fact]
    public async Task Post_WithADocumentThatDoesNotValidate_ShouldAnswer200ForApplicationJson()
    {
        using var response = await PostAsync("""{"query":"{ noSuchField }"}""", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await BodyAsync(response))["errors"]);
    }

    [Fact]
    public async Task Get_WithALoneSurrogateInTheVariables_ShouldAnswer400WithACode()
    {
        using var response = await Client.Http.GetAsync("/graphql?query=%7B__typename%7D&variables=" + Uri.EscapeDataString("""{"x":"\ud800"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Post_LargerThanOneMebibyte_ShouldAnswer413()
    {
        var body = """{"query":"{ __typename }","extensions":{"padding":""" + $"\"{new string('x', 1_100_000)}\"" + "}}";

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithAQuery_ShouldExecuteIt()
    {
        using var response = await Client.Http.GetAsync("/graphql?query=%7B__typename%7D");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (await BodyAsync(response))["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_WithAMutation_ShouldAnswer405AllowingPostAndNotRunIt()
    {
        var mutation = Uri.EscapeDataString("""mutation { signUp(input: {username: "viaget", email: "get@example.com", password: "long enough password"}) { accessToken } }""");

        using var response = await Client.Http.GetAsync($"/graphql?query={mutation}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", await ErrorCodeAsync(response));
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task Put_ShouldAnswer405AllowingGetAndPost()
    {
        using var response = await Client.Http.PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Get_FromABrowser_ShouldRedirectToTheIde()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Api.BaseAddress };

        using var response = await noRedirects.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/ui/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task Post_WithInvalidUtf8InAString_ShouldAnswer400BadRequest(byte[] invalid)
    {
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"").Concat(invalid).Concat(Encoding.UTF8.GetBytes("\"}}")).ToArray();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        using var response = await Client.Http.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", await ErrorCodeAsync(response));
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? accept = null, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return await Client.Http.SendAsync(request);
    }

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await BodyAsync(response))["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
