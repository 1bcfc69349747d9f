using Friender.GraphQL.Common;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Accounts;

public sealed class LogInTests(FrienderApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("hedy")]
    [InlineData("HEDY")]
    [InlineData("hedy@example.com")]
    [InlineData(" Hedy@Example.com ")]
    public async Task LogIn_WithUsernameOrEmailInAnyCase_ShouldStartASession(string login)
    {
        var signedUp = await Client.SignUpAsync("hedy");

        var response = await Client.LogInAsync(login);

        Assert.Equal(signedUp.UserId, response.String("logIn.user.id"));
        Assert.NotEqual(signedUp.RefreshToken, response.String("logIn.refreshToken"));
    }

    [Fact]
    public async Task LogIn_WithWrongPasswordOrUnknownUser_ShouldGiveTheSameAnswer()
    {
        await Client.SignUpAsync("alan");

        var wrongPassword = await Client.LogInAsync("alan", "not the password");
        var unknownUser = await Client.LogInAsync("nobody_here", "not the password");

        Assert.Equal("INVALID_CREDENTIALS", wrongPassword.ErrorCode);
        Assert.Equal(wrongPassword.Errors.ToJsonString(), unknownUser.Errors.ToJsonString());
    }

    [Fact]
    public async Task LogIn_AfterTenAttemptsOnOneAccount_ShouldBeRateLimitedEvenWithTheRightPassword()
    {
        await Client.SignUpAsync("barbara");
        for (var attempt = 0; attempt < 10; attempt++)
            Assert.Equal("INVALID_CREDENTIALS", (await Client.LogInAsync("barbara", "wrong password")).ErrorCode);

        var limited = await Client.LogInAsync("barbara");

        Assert.Equal("RATE_LIMITED", limited.ErrorCode);
        Assert.True(limited.Errors[0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task LogIn_WhenTheWindowHasPassed_ShouldBeAllowedAgain()
    {
        await Client.SignUpAsync("katherine");
        for (var attempt = 0; attempt < 11; attempt++)
            await Client.LogInAsync("katherine", "wrong password");

        Api.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Empty((await Client.LogInAsync("katherine")).Errors);
    }

    [Fact]
    public async Task LogIn_AliasedManyTimesInOneRequest_ShouldCountEveryAttempt()
    {
        await Client.SignUpAsync("dorothy");
        var aliases = string.Join(' ', Enumerable.Range(0, DocumentLimits.MaxRootFields).Select(i =>
            $"a{i}: logIn(input: {{ username: \"dorothy\", password: \"guess number {i}\" }}) {{ accessToken }}"));

        var response = await Client.SendAsync($"mutation {{ {aliases} }}");
        var next = await Client.LogInAsync("dorothy", "one more guess");

        var codes = response.Errors.Select(error => error!["extensions"]!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(DocumentLimits.MaxRootFields, codes.Count(code => code == "INVALID_CREDENTIALS"));
        Assert.Equal("RATE_LIMITED", next.ErrorCode);
    }

    [Fact]
    public async Task LogIn_FromOneAddressAcrossManyAccounts_ShouldBeRateLimitedPerAddress()
    {
        GraphQLResponse? last = null;
        for (var attempt = 0; attempt <= FrienderApiFactory.MaxAttemptsPerAddress; attempt++)
            last = await Client.LogInAsync($"user_{attempt}", "wrong password");

        Assert.Equal("RATE_LIMITED", last!.ErrorCode);
    }

    [Fact]
    public async Task LogIn_WithEmptyFields_ShouldNameThem()
    {
        var response = await Client.LogInAsync("", "");

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        var fields = response.Errors[0]!["extensions"]!["fields"]!.AsObject();
        Assert.Equal(["password", "username"], fields.Select(field => field.Key).Order());
    }
}
