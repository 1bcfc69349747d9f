using Friender.Domain.Profiles;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Profiles;

public sealed class ProfileTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string MyProfile = "{ me { profileComplete profile { displayName zipCode friendRadiusMiles complete } } }";

    [Fact]
    public async Task UpdateProfile_WithEverythingSet_ShouldCompleteTheProfile()
    {
        var session = await Client.SignUpAsync("priya");
        var before = await Client.SendAsync(MyProfile, accessToken: session.AccessToken);

        var updated = await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(zipCode: "94103", friendRadiusMiles: 10));

        Assert.False(before.Field("me.profileComplete").GetValue<bool>());
        Assert.Null(before.Data!["me"]!["profile"]);
        Assert.True(updated.Field("updateProfile.profile.complete").GetValue<bool>());
        var after = await Client.SendAsync(MyProfile, accessToken: session.AccessToken);
        Assert.True(after.Field("me.profileComplete").GetValue<bool>());
        Assert.Equal("94103", after.String("me.profile.zipCode"));
        Assert.Equal(10, after.Field("me.profile.friendRadiusMiles").GetValue<int>());
    }

    [Fact]
    public async Task UpdateProfile_ShouldTrimAndDropRepeatedHobbiesAndInterests()
    {
        var session = await Client.SignUpAsync("quinn");

        var updated = await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(
            displayName: "  Quinn  ", hobbies: [" Rock  climbing ", "rock climbing", "Chess"], interests: ["Jazz", "JAZZ"]));

        Assert.Equal("Quinn", updated.String("updateProfile.profile.displayName"));
        Assert.Equal(["Rock climbing", "Chess"], updated.Field("updateProfile.profile.hobbies").AsArray().Select(tag => tag!.GetValue<string>()));
        Assert.Equal(["Jazz"], updated.Field("updateProfile.profile.interests").AsArray().Select(tag => tag!.GetValue<string>()));
    }

    [Fact]
    public async Task UpdateProfile_WithInvalidInput_ShouldNameEveryBadFieldAndStoreNothing()
    {
        var session = await Client.SignUpAsync("rosa");

        var response = await Client.UpdateProfileAsync(session, new
        {
            displayName = new string('x', 51),
            bio = new string('b', 501),
            hobbies = Enumerable.Range(0, 21).Select(i => $"hobby {i}").ToArray(),
            interests = new[] { new string('i', 41) },
            zipCode = "1234",
            friendRadiusMiles = 101,
        });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        var fields = response.Errors[0]!["extensions"]!["fields"]!.AsObject().Select(field => field.Key).Order();
        Assert.Equal(["bio", "displayName", "friendRadiusMiles", "hobbies", "interests", "zipCode"], fields);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM profiles"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   |")]
    public async Task UpdateProfile_WithNoRealHobby_ShouldBeRefused(string joinedHobbies)
    {
        var hobbies = joinedHobbies.Length == 0 ? [] : joinedHobbies.Split('|');
        var session = await Client.SignUpAsync("sven");

        var response = await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(hobbies: hobbies));

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
    }

    [Fact]
    public async Task UpdateProfile_WithAZipCodeThatDoesNotExist_ShouldAnswerUnknownZipCode()
    {
        var session = await Client.SignUpAsync("tomas");

        var response = await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(zipCode: "00000"));

        Assert.Equal("UNKNOWN_ZIP_CODE", response.ErrorCode);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM profiles"));
    }

    [Fact]
    public async Task UpdateProfile_ShouldStoreOnlyTheCentreOfTheZipCentroidsGridCell()
    {
        var session = await Client.SignUpAsync("uma");

        await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(zipCode: "10001"));

        var centroidLatitude = await Api.ScalarAsync<double>("SELECT ST_Y(location::geometry) FROM zip_codes WHERE zip = '10001'");
        var centroidLongitude = await Api.ScalarAsync<double>("SELECT ST_X(location::geometry) FROM zip_codes WHERE zip = '10001'");
        var storedLatitude = await Api.ScalarAsync<double>("SELECT ST_Y(location::geometry) FROM profiles");
        var storedLongitude = await Api.ScalarAsync<double>("SELECT ST_X(location::geometry) FROM profiles");
        var snapped = LocationGrid.Snap(centroidLatitude, centroidLongitude);
        Assert.Equal(snapped.Y, storedLatitude, 9);
        Assert.Equal(snapped.X, storedLongitude, 9);
        Assert.NotEqual(centroidLatitude, storedLatitude, 4);
        Assert.Equal(LocationGrid.CellOf(centroidLatitude, centroidLongitude).Key, await Api.ScalarAsync<long>("SELECT cell_key FROM profiles"));
    }

    [Fact]
    public async Task UpdateProfile_ChangingTheZipCodeAFourthTimeInADay_ShouldBeRateLimitedUntilTheDayHasPassed()
    {
        var session = await Client.SignUpAsync("vera");
        await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(zipCode: "10001"));
        foreach (var zip in new[] { "10002", "10003", "10004" })
            Assert.Empty((await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(zipCode: zip))).Errors);

        var fourth = await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(zipCode: "10005"));
        var sameZipOtherChanges = await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(zipCode: "10004", friendRadiusMiles: 40));
        Api.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var tomorrow = Session.From(await Client.LogInAsync("vera"), "logIn");
        var nextDay = await Client.UpdateProfileAsync(tomorrow, Infrastructure.Profiles.Input(zipCode: "10005"));

        Assert.Equal("RATE_LIMITED", fourth.ErrorCode);
        Assert.Empty(sameZipOtherChanges.Errors);
        Assert.Empty(nextDay.Errors);
    }

    [Fact]
    public async Task UpdateProfile_WithoutLogin_ShouldAnswerUnauthenticated()
    {
        var response = await Client.SendAsync(Infrastructure.Profiles.UpdateMutation, new { input = Infrastructure.Profiles.Input() });

        Assert.Equal("UNAUTHENTICATED", response.ErrorCode);
    }

    [Fact]
    public async Task LogIn_ShouldShowTheProfileOfWhoeverJustLoggedIn()
    {
        var session = await Client.SignUpAsync("wanda");
        await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input(displayName: "Wanda"));

        var loggedIn = await Client.SendAsync(
            """mutation { logIn(input: { username: "wanda", password: "correct horse battery" }) { user { profileComplete profile { displayName } photos { id } } } }""");

        Assert.True(loggedIn.Field("logIn.user.profileComplete").GetValue<bool>());
        Assert.Equal("Wanda", loggedIn.String("logIn.user.profile.displayName"));
    }
}
