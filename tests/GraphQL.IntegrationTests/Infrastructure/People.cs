namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>Test data: people with complete profiles, made through the public API.</summary>
public static class People
{
    public const string Discover = """
        query Discover($first: Int, $after: String) {
          discover(first: $first, after: $after) {
            edges { cursor node { id displayName hobbies interests sharedHobbies sharedInterests distanceMiles photos { id url } } }
            nodes { id }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public const string Swipe = "mutation Swipe($id: ID!, $decision: SwipeDecision!) { swipe(input: { userId: $id, decision: $decision }) { match { id createdAt user { id displayName distanceMiles } } } }";

    public static async Task<Session> PersonAsync(
        this GraphQLClient client, string username, string zipCode = "10001", int radius = 25, string[]? hobbies = null, string[]? interests = null)
    {
        var session = await client.SignUpAsync(username);
        var updated = await client.UpdateProfileAsync(session, Profiles.Input(
            zipCode: zipCode, displayName: username, hobbies: hobbies, interests: interests, friendRadiusMiles: radius));
        if (updated.Errors.Count > 0)
            throw new InvalidOperationException(updated.ToString());
        return session;
    }

    public static Task<GraphQLResponse> DiscoverAsync(this GraphQLClient client, Session viewer, int first = 10, string? after = null) =>
        client.SendAsync(Discover, new { first, after }, viewer.AccessToken);

    public static async Task<List<string>> DiscoveredNamesAsync(this GraphQLClient client, Session viewer, int first = 50)
    {
        var response = await client.DiscoverAsync(viewer, first);
        return response.Field("discover.edges").AsArray().Select(edge => edge!["node"]!["displayName"]!.GetValue<string>()).ToList();
    }

    public static Task<GraphQLResponse> SwipeAsync(this GraphQLClient client, Session swiper, Session target, string decision = "YES") =>
        client.SendAsync(Swipe, new { id = target.UserId, decision }, swiper.AccessToken);

    public static Task<GraphQLResponse> SwipeAsync(this GraphQLClient client, Session swiper, string targetId, string decision = "YES") =>
        client.SendAsync(Swipe, new { id = targetId, decision }, swiper.AccessToken);
}
