using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Accounts;

/// <summary>
/// What an attacker would try: tokens forged, tampered with or made for another audience, and a valid account used
/// against a match and photos that are not theirs. Every attempt is refused and changes nothing.
/// </summary>
public sealed class AttackerTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string Me = "{ me { id } }";

    public static TheoryData<string> ForgedTokens => new() { "wrong issuer", "wrong audience", "expired", "not yet valid", "tampered subject", "HS512 header" };

    [Fact]
    public async Task ATokenMadeWithTheServersKeyAndClaims_ShouldWork_SoTheForgeriesBelowFailForTheirFlawAlone()
    {
        var ana = await Client.SignUpAsync("ana");

        var response = await Client.SendAsync(Me, accessToken: Forge(ana.UserId));

        Assert.Equal(ana.UserId, response.String("me.id"));
    }

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task AForgedToken_ShouldNotAuthenticate(string flaw)
    {
        var ana = await Client.SignUpAsync("ana");
        var ben = await Client.SignUpAsync("ben");
        var now = Api.Clock.GetUtcNow();
        var token = flaw switch
        {
            "wrong issuer" => Forge(ana.UserId, issuer: "someone-else"),
            "wrong audience" => Forge(ana.UserId, audience: "another-app"),
            "expired" => Forge(ana.UserId, notBefore: now.AddHours(-2), expires: now.AddHours(-1)),
            "not yet valid" => Forge(ana.UserId, notBefore: now.AddHours(1), expires: now.AddHours(2)),
            "tampered subject" => Tamper(ana.AccessToken, ben.UserId),
            _ => Forge(ana.UserId, algorithm: "HS512"),
        };

        var me = await Client.SendAsync(Me, accessToken: token);
        var update = await Client.UpdateProfileAsync(new Session(token, "", ana.UserId), Infrastructure.Profiles.Input());

        Assert.Null(me.Body["data"]!["me"]);
        Assert.Equal("UNAUTHENTICATED", update.ErrorCode);
    }

    [Fact]
    public async Task SomeoneOutsideAMatch_ShouldReachNothingOfItNorOfTheirPhotos()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var eve = await Client.PersonAsync("eve");
        Assert.Empty((await Client.SendMessageAsync(ana, matchId, "just us")).Errors);
        var photo = (await Client.UploadPhotoAsync(ana)).String("uploadPhoto.photo.id");

        var attempts = new Dictionary<string, GraphQLResponse>
        {
            ["conversation"] = await Client.ConversationAsync(eve, matchId),
            ["sendMessage"] = await Client.SendMessageAsync(eve, matchId, "let me in"),
            ["markConversationRead"] = await Client.SendAsync(Chats.MarkRead, new { matchId }, eve.AccessToken),
            ["setTyping"] = await Client.SendAsync(Chats.SetTyping, new { matchId }, eve.AccessToken),
            ["unmatch"] = await Client.SendAsync("mutation($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }", new { id = matchId }, eve.AccessToken),
            ["deletePhoto"] = await Client.SendAsync("mutation($id: ID!) { deletePhoto(input: { photoId: $id }) { deletedPhotoId } }", new { id = photo }, eve.AccessToken),
            ["reorderPhotos"] = await Client.SendAsync("mutation($ids: [ID!]!) { reorderPhotos(input: { photoIds: $ids }) { photos { id } } }", new { ids = new[] { photo } }, eve.AccessToken),
        };
        var evesMatches = await Client.SendAsync(Chats.Matches, accessToken: eve.AccessToken);

        Assert.All(attempts, attempt => Assert.True(
            attempt.Value.ErrorCode is "NOT_FOUND" or "BAD_USER_INPUT", $"{attempt.Key}: {attempt.Value}"));
        Assert.Empty(evesMatches.Field("matches.edges").AsArray());
        Assert.Equal(["just us"], (await Client.ConversationAsync(ben, matchId)).Bodies());
        Assert.Single((await Client.SendAsync("{ me { photos { id } } }", accessToken: ana.AccessToken)).Field("me.photos").AsArray());
    }

    private string Forge(
        string userId, string issuer = "friender", string audience = "friender-clients", DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null, string algorithm = "HS256")
    {
        var now = Api.Clock.GetUtcNow();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = algorithm, typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = userId,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = (notBefore ?? now).ToUnixTimeSeconds(),
            ["exp"] = (expires ?? now.AddMinutes(10)).ToUnixTimeSeconds(),
        }));
        var signed = Encoding.ASCII.GetBytes($"{header}.{payload}");
        var signature = algorithm == "HS512" ? HMACSHA512.HashData(Api.SigningKey, signed) : HMACSHA256.HashData(Api.SigningKey, signed);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    /// <summary>A real token with its subject swapped for someone else's, its signature kept.</summary>
    private static string Tamper(string token, string otherUserId)
    {
        var parts = token.Split('.');
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/'))));
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var changed = claims.ToDictionary(claim => claim.Key, claim => claim.Key == "sub" ? (object)otherUserId : claim.Value);
        return $"{parts[0]}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(changed))}.{parts[2]}";
    }

    private static string Pad(string base64) => base64 + new string('=', (4 - base64.Length % 4) % 4);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
