using Friender.Application.Common.Validation;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Common;

/// <summary>
/// Control characters and oversized strings, in any string a client can send, are BAD_USER_INPUT naming the field,
/// never INTERNAL (Postgres refuses NUL in text), and nothing is stored.
/// </summary>
public sealed class InputHygieneTests(FrienderApiFactory api) : ApiTest(api)
{
    public static TheoryData<string, string> UncleanProfiles => new()
    {
        { "displayName", "Sam\0" },
        { "displayName", "Sam\u001b[31m" },
        { "displayName", "Sam\nSmith" },
        { "hobbies", "Chess\0" },
        { "interests", "Jazz\u007f" },
        { "zipCode", "1000\0" },
        { "bio", "Hello\0there" },
        { "bio", new string('a', TextHygiene.MaxLength + 1) },
    };

    [Theory]
    [MemberData(nameof(UncleanProfiles))]
    public async Task UpdateProfile_WithUncleanText_ShouldBeBadUserInputNamingTheFieldAndStoreNothing(string field, string value)
    {
        var session = await Client.SignUpAsync("sam");
        var input = new Dictionary<string, object?>
        {
            ["displayName"] = "Sam", ["bio"] = "Hi", ["hobbies"] = new[] { "Chess" }, ["interests"] = new[] { "Jazz" },
            ["zipCode"] = "10001", ["friendRadiusMiles"] = 25,
        };
        input[field] = field is "hobbies" or "interests" ? new[] { "Chess", value } : value;

        var response = await Client.UpdateProfileAsync(session, input);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.NotNull(response.Errors[0]!["extensions"]!["fields"]![field]);
        Assert.DoesNotContain("\0", response.ToString(), StringComparison.Ordinal);
        var me = await Client.SendAsync("{ me { profileComplete } }", accessToken: session.AccessToken);
        Assert.False(me.Field("me.profileComplete").GetValue<bool>());
    }

    [Fact]
    public async Task Bio_ShouldKeepLineBreaksAndTabs()
    {
        var session = await Client.SignUpAsync("sam");

        var response = await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(bio: "Line one\nLine\ttwo"));

        Assert.Equal("Line one\nLine\ttwo", response.String("updateProfile.profile.bio"));
    }

    [Theory]
    [InlineData("mutation { logIn(input: { username: \"sam\\u0000\", password: \"x\" }) { accessToken } }", "username")]
    [InlineData("mutation { signUp(input: { username: \"nul\\u0000\", email: \"a@example.com\", password: \"correct horse battery\" }) { accessToken } }", "username")]
    [InlineData("mutation { signUp(input: { username: \"nul_user\", email: \"a\\u0000@example.com\", password: \"correct horse battery\" }) { accessToken } }", "email")]
    [InlineData("mutation { refreshToken(input: { refreshToken: \"abc\\u0000\" }) { accessToken } }", "refreshToken")]
    public async Task AnonymousOperations_WithNul_ShouldBeBadUserInputNamingTheField(string document, string field)
    {
        var response = await Client.SendAsync(document);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.NotNull(response.Errors[0]!["extensions"]!["fields"]![field]);
    }

    [Fact]
    public async Task Messages_AndReports_WithNul_ShouldBeBadUserInput()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");

        var message = await Client.SendMessageAsync(ana, matchId, "hi\0");
        var report = await Client.SendAsync(
            "mutation($id: ID!, $reason: String!) { reportUser(input: { userId: $id, reason: $reason }) { reportId } }",
            new { id = ben.UserId, reason = "spam\0" }, ana.AccessToken);

        Assert.Equal("BAD_USER_INPUT", message.ErrorCode);
        Assert.NotNull(message.Errors[0]!["extensions"]!["fields"]!["body"]);
        Assert.Equal("BAD_USER_INPUT", report.ErrorCode);
        Assert.NotNull(report.Errors[0]!["extensions"]!["fields"]!["reason"]);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM messages"));
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM reports"));
    }
}
