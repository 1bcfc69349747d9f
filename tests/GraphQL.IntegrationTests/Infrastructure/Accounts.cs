namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>Test data: accounts made through the public API.</summary>
public static class Accounts
{
    public const string Password = "correct horse battery";

    public const string SignUpMutation = """
        mutation SignUp($input: SignUpInput!) {
          signUp(input: $input) { accessToken refreshToken accessTokenExpiresAt user { id username email } }
        }
        """;

    public const string LogInMutation = """
        mutation LogIn($input: LogInInput!) {
          logIn(input: $input) { accessToken refreshToken accessTokenExpiresAt user { id username email } }
        }
        """;

    public static async Task<Session> SignUpAsync(this GraphQLClient client, string username, string? email = null)
    {
        var response = await client.SendAsync(SignUpMutation, new
        {
            input = new { username, email = email ?? $"{username}@example.com", password = Password },
        });
        return Session.From(response, "signUp");
    }

    public static async Task<GraphQLResponse> LogInAsync(this GraphQLClient client, string username, string password = Password) =>
        await client.SendAsync(LogInMutation, new { input = new { username, password } });
}

public sealed record Session(string AccessToken, string RefreshToken, string UserId)
{
    public static Session From(GraphQLResponse response, string field) =>
        new(response.String($"{field}.accessToken"), response.String($"{field}.refreshToken"), response.String($"{field}.user.id"));
}
