namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>Test data: profiles made through the public API.</summary>
public static class Profiles
{
    public const string UpdateMutation = """
        mutation UpdateProfile($input: UpdateProfileInput!) {
          updateProfile(input: $input) { profile { displayName bio hobbies interests zipCode friendRadiusMiles complete } }
        }
        """;

    public static object Input(
        string zipCode = "10001",
        string displayName = "Sam",
        string[]? hobbies = null,
        string[]? interests = null,
        int friendRadiusMiles = 25,
        string? bio = "Here to make friends.") =>
        new
        {
            displayName,
            bio,
            hobbies = hobbies ?? ["Chess", "Hiking"],
            interests = interests ?? ["Jazz", "Board games"],
            zipCode,
            friendRadiusMiles,
        };

    public static Task<GraphQLResponse> UpdateProfileAsync(this GraphQLClient client, Session session, object input) =>
        client.SendAsync(UpdateMutation, new { input }, session.AccessToken);
}
