using System.Text;
using Friender.GraphQL.Common;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Friender.GraphQL.IntegrationTests.Common;

/// <summary>
/// Each of <see cref="DocumentLimits"/>: an abusive document refused with a code before anything runs, and a normal
/// one of the same kind answered.
/// </summary>
public sealed class DocumentLimitTests(FrienderApiFactory api) : ApiTest(api)
{
    /// <summary>The shape IDEs send (graphql-js's introspection query, as Banana Cake Pop sends it: eight ofType deep).</summary>
    private const string IdeIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
          ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
        }
        """;

    [Fact]
    public async Task AThousandAliasedMe_ShouldBeRefusedBeforeRunning()
    {
        var session = await Client.SignUpAsync("ada");
        var document = "{ " + string.Join(' ', Enumerable.Range(0, 1_000).Select(index => $"a{index}: me {{ id }}")) + " }";

        var response = await Client.SendAsync(document, accessToken: session.AccessToken);

        Assert.Equal(GraphQLErrorCodes.TooComplex, response.ErrorCode);
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task AliasesUpToTheLimit_ShouldBeAnswered()
    {
        var session = await Client.SignUpAsync("ada");
        var document = "{ me { " + string.Join(' ', Enumerable.Range(0, DocumentLimits.MaxAliases).Select(index => $"a{index}: id")) + " } }";

        var response = await Client.SendAsync(document, accessToken: session.AccessToken);

        Assert.Empty(response.Errors);
        Assert.Equal(session.UserId, response.String($"me.a{DocumentLimits.MaxAliases - 1}"));
    }

    [Fact]
    public async Task RootFields_OverTheLimit_ShouldBeRefused_AndAtTheLimitAnswered()
    {
        var session = await Client.SignUpAsync("ada");
        string Document(int count) => "{ " + string.Concat(Enumerable.Repeat("__typename ", count)) + "}";

        var over = await Client.SendAsync(Document(DocumentLimits.MaxRootFields + 1), accessToken: session.AccessToken);
        var at = await Client.SendAsync(Document(DocumentLimits.MaxRootFields), accessToken: session.AccessToken);

        Assert.Equal(GraphQLErrorCodes.TooComplex, over.ErrorCode);
        Assert.Empty(at.Errors);
    }

    [Fact]
    public async Task FieldsThatReadTheDatabase_ShouldCostEnoughThatFewDocumentsAskForMany()
    {
        var session = await Client.SignUpAsync("ada");
        const string Person = "me { profile { displayName } photos { id } }";
        var many = "{ " + string.Join(' ', Enumerable.Range(0, DocumentLimits.MaxRootFields).Select(index => $"a{index}: {Person}")) + " }";

        var refused = await Client.SendAsync(many, accessToken: session.AccessToken);
        var one = await Client.SendAsync("{ " + Person + " }", accessToken: session.AccessToken);

        Assert.True(refused.ErrorCode == "COMPLEXITY", refused.ToString());
        Assert.Empty(one.Errors);
    }

    [Fact]
    public async Task IdeIntrospection_ShouldBeAnswered()
    {
        var response = await Client.SendAsync(IdeIntrospection);

        Assert.Empty(response.Errors);
        Assert.NotEmpty(response.Field("__schema.types").AsArray());
    }

    [Fact]
    public async Task IntrospectionCycles_ShouldBeRefusedPastTheBound()
    {
        var cycle = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", DocumentLimits.MaxIntrospectionNesting + 1))
            + "name" + new string('}', 2 * (DocumentLimits.MaxIntrospectionNesting + 1)) + " } } }";
        var atBound = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", DocumentLimits.MaxIntrospectionNesting))
            + "name" + new string('}', 2 * DocumentLimits.MaxIntrospectionNesting) + " } } }";

        var refused = await Client.SendAsync(cycle);
        var answered = await Client.SendAsync(atBound);

        Assert.Equal(GraphQLErrorCodes.TooComplex, refused.ErrorCode);
        Assert.Empty(answered.Errors);
    }

    [Fact]
    public async Task DepthInsideIntrospection_ShouldStillBeLimited()
    {
        var deep = "{ __type(name: \"Query\") { " + string.Concat(Enumerable.Repeat("ofType { ", DocumentLimits.MaxDepth + 1))
            + "name" + new string('}', DocumentLimits.MaxDepth + 1) + " } }";

        var response = await Client.SendAsync(deep);

        Assert.NotNull(response.ErrorCode);
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task AFragmentBomb_ShouldBeRefusedWithoutExpandingIt()
    {
        var document = new StringBuilder("{ ...F0 }\n");
        for (var level = 0; level < 20; level++)
            document.Append(Fragment(level)).Append('\n');
        document.Append("fragment F20 on Query { __typename }");

        var response = await Client.SendAsync(document.ToString());

        Assert.Equal(GraphQLErrorCodes.TooComplex, response.ErrorCode);

        static string Fragment(int level) => $"fragment F{level} on Query {{ a: __typename ...F{level + 1} b: __typename ...F{level + 1} }}";
    }

    [Fact]
    public async Task TheSameDocumentText_ShouldBeCostedByEachRequestsVariables()
    {
        // Parsed documents are cached by their text (ParsedDocumentCache); the cost check must still read each request's variables.
        var session = await Client.PersonAsync("ada");
        const string Document = "query M($n: Int) { matches(first: $n) { edges { node { id user { displayName photos { id url } } lastMessage { body } } } } }";

        var small = await Client.SendAsync(Document, new { n = 5 }, session.AccessToken);
        var huge = await Client.SendAsync(Document, new { n = 100_000 }, session.AccessToken);
        var smallAgain = await Client.SendAsync(Document, new { n = 5 }, session.AccessToken);

        Assert.Empty(small.Errors);
        Assert.Equal("COMPLEXITY", huge.ErrorCode);
        Assert.Empty(smallAgain.Errors);
    }

    [Fact]
    public async Task DocumentsOverTheTokenLimit_ShouldBeRefusedUnparsed()
    {
        var document = "{ " + string.Concat(Enumerable.Repeat("__typename ", DocumentLimits.MaxTokens)) + "}";

        var response = await Client.SendAsync(document);

        Assert.Equal(GraphQLErrorCodes.TooComplex, response.ErrorCode);
    }

    [Theory]
    [InlineData("{ me { id } }", false)]
    [InlineData("{ __type(name: \"Query\") { fields { type { ofType { ofType { name } } } } } }", false)]
    [InlineData("deep", true)]
    [InlineData("deep-list", true)]
    public async Task DeeplyNestedDocuments_ShouldBeRefusedByTheParserWithACode(string document, bool refused)
    {
        document = document switch
        {
            "deep" => string.Concat(Enumerable.Repeat("{ a ", 500)) + new string('}', 500),
            "deep-list" => "query { __type(name: " + new string('[', 500) + new string(']', 500) + ") { name } }",
            _ => document,
        };

        var response = await Client.SendAsync(document);

        Assert.Equal(refused ? GraphQLErrorCodes.TooComplex : null, response.ErrorCode);
    }

    [Fact]
    public async Task OverWebSockets_TheSameLimitsShouldHold()
    {
        var session = await Client.SignUpAsync("ada");
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await socket.InitialiseAsync(new { accessToken = session.AccessToken });
        var document = "subscription { " + string.Join(' ', Enumerable.Range(0, 40).Select(index => $"a{index}: __typename")) + " }";

        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query = document } });
        var answer = await socket.ReceiveAsync();

        Assert.Equal("error", answer.Type);
        Assert.Equal(GraphQLErrorCodes.TooComplex, answer.Message!["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithIntrospectionAndSuggestionsOff_AsInProduction_SchemaNamesShouldNotLeak()
    {
        using var factory = StandaloneApi.Create(host => host
            .UseSetting("GraphQL:Introspection", "false")
            .UseSetting("GraphQL:Suggestions", "false"));
        var client = new GraphQLClient(factory.CreateClient());

        var introspection = await client.SendAsync("{ __schema { types { name } } }");
        var typo = await client.SendAsync("{ mee { id } }");
        var typename = await client.SendAsync("{ __typename }");

        Assert.Equal(GraphQLErrorCodes.IntrospectionDisabled, introspection.ErrorCode);
        Assert.DoesNotContain("Did you mean", typo.ToString(), StringComparison.Ordinal);
        Assert.Contains("mee", typo.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Query", typename.String("__typename"));
    }

    [Fact]
    public async Task AnOperationOverTheExecutionTimeout_ShouldBeAnsweredWithTimeout()
    {
        using var factory = StandaloneApi.Create(host => host.UseSetting("GraphQL:ExecutionTimeout", "00:00:00.0000001"));
        var client = new GraphQLClient(factory.CreateClient());

        // The timeout fires on a timer thread as soon as it can; on a loaded machine an introspection can finish
        // first. Each attempt is either a timeout or a whole answer, never anything else.
        GraphQLResponse response;
        var attempts = 0;
        do
        {
            response = await client.SendAsync(IdeIntrospection);
            attempts++;
            Assert.True(response.ErrorCode is "TIMEOUT" || (response.ErrorCode is null && response.Body["data"] is not null), response.ToString());
        }
        while (response.ErrorCode is null && attempts < 100);

        Assert.Equal("TIMEOUT", response.ErrorCode);
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task InDevelopmentAndTests_SuggestionsShouldHelp()
    {
        var typo = await Client.SendAsync("{ mee { id } }");

        Assert.Contains("Did you mean", typo.ToString(), StringComparison.Ordinal);
    }
}
