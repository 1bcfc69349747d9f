using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Accounts;

public sealed class SignUpTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task SignUp_WithValidInput_ShouldReturnTokensThatIdentifyTheNewUser()
    {
        var session = await Client.SignUpAsync("Ada_Lovelace", "Ada@Example.com");

        var me = await Client.SendAsync("{ me { id username email } }", accessToken: session.AccessToken);

        Assert.Equal(session.UserId, me.String("me.id"));
        Assert.Equal("ada_lovelace", me.String("me.username"));
        Assert.Equal("Ada@Example.com", me.String("me.email"));
    }

    [Fact]
    public async Task SignUp_ShouldStoreOnlyASlowSaltedHashOfThePassword()
    {
        await Client.SignUpAsync("grace");

        var hash = await Api.ScalarAsync<string>("SELECT password_hash FROM users WHERE username = 'grace'");

        Assert.StartsWith("pbkdf2-sha512$220000$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain(Infrastructure.Accounts.Password, hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_WhenUsernameIsTakenInAnotherCase_ShouldAnswerUsernameTakenAndKeepTheFirstAccount()
    {
        await Client.SignUpAsync("linus");

        var second = await Client.SendAsync(Infrastructure.Accounts.SignUpMutation, new
        {
            input = new { username = "LINUS", email = "other@example.com", password = "another password" },
        });

        Assert.Equal("USERNAME_TAKEN", second.ErrorCode);
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Empty((await Client.LogInAsync("linus")).Errors);
    }

    [Fact]
    public async Task SignUp_WhenEmailIsTakenInAnotherCase_ShouldAnswerEmailTaken()
    {
        await Client.SignUpAsync("margaret", "margaret@example.com");

        var second = await Client.SendAsync(Infrastructure.Accounts.SignUpMutation, new
        {
            input = new { username = "maggie", email = "MARGARET@example.com", password = "another password" },
        });

        Assert.Equal("EMAIL_TAKEN", second.ErrorCode);
    }

    [Fact]
    public async Task SignUp_WithInvalidInput_ShouldNameEveryBadFieldAndStoreNothing()
    {
        var response = await Client.SendAsync(Infrastructure.Accounts.SignUpMutation, new
        {
            input = new { username = "no spaces!", email = "not-an-email", password = "short" },
        });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        var fields = response.Errors[0]!["extensions"]!["fields"]!.AsObject();
        Assert.Equal(["email", "password", "username"], fields.Select(field => field.Key).Order());
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM users"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("thirty_one_characters_is_too_lon")]
    [InlineData("dash-not-allowed")]
    [InlineData("émile")]
    public async Task SignUp_WithUsernameOutsideTheRules_ShouldBeRefused(string username)
    {
        var response = await Client.SendAsync(Infrastructure.Accounts.SignUpMutation, new
        {
            input = new { username, email = "someone@example.com", password = "long enough password" },
        });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.NotNull(response.Errors[0]!["extensions"]!["fields"]!["username"]);
    }

    [Fact]
    public async Task SignUp_WithPasswordLongerThan128Characters_ShouldBeRefused()
    {
        var response = await Client.SendAsync(Infrastructure.Accounts.SignUpMutation, new
        {
            input = new { username = "longpass", email = "longpass@example.com", password = new string('x', 129) },
        });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
    }

    [Fact]
    public async Task SignUp_RacingForOneUsername_ShouldCreateExactlyOneAccount()
    {
        var attempts = Enumerable.Range(0, 6).Select(i => Client.SendAsync(Infrastructure.Accounts.SignUpMutation, new
        {
            input = new { username = "contested", email = $"racer{i}@example.com", password = "racing password" },
        }));

        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, response => response.Errors.Count == 0);
        Assert.All(responses.Where(response => response.Errors.Count > 0), response => Assert.Equal("USERNAME_TAKEN", response.ErrorCode));
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM users"));
    }
}
