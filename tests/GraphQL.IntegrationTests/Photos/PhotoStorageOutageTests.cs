using Amazon.S3;
using Amazon.S3.Model;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Photos;

/// <summary>A private s3rver, stopped in the middle of each test: nothing may be lost or left behind.</summary>
[Collection(ApiCollection.Name)]
public sealed class PhotoStorageOutageTests : IAsyncLifetime
{
    private readonly S3rverProcess _s3 = new();
    private FrienderApiFactory _api = null!;
    private GraphQLClient _client = null!;

    public async Task InitializeAsync()
    {
        await _s3.StartAsync();
        _api = new FrienderApiFactory { S3ServiceUrl = _s3.ServiceUrl };
        await _api.InitializeAsync();
        _client = _api.CreateGraphQLClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _s3.DisposeAsync();
    }

    [Fact]
    public async Task UploadPhoto_WhenStorageGoesDown_ShouldAnswerStorageUnavailableAndWriteNoRow()
    {
        var session = await _client.SignUpAsync("outage_upload");
        Assert.Empty((await _client.UploadPhotoAsync(session)).Errors);

        await _s3.StopAsync();
        var duringOutage = await _client.UploadPhotoAsync(session);

        Assert.Equal("STORAGE_UNAVAILABLE", duringOutage.ErrorCode);
        Assert.Equal(1L, await _api.ScalarAsync<long>("SELECT count(*) FROM photos"));
    }

    [Fact]
    public async Task DeletePhoto_WhenStorageIsDown_ShouldDeleteThePhotoAndRemoveTheObjectOnceStorageIsBack()
    {
        var session = await _client.SignUpAsync("outage_delete");
        var photoId = (await _client.UploadPhotoAsync(session)).String("uploadPhoto.photo.id");

        await _s3.StopAsync();
        var deleted = await _client.SendAsync(
            "mutation Delete($id: ID!) { deletePhoto(input: { photoId: $id }) { deletedPhotoId } }", new { id = photoId }, session.AccessToken);
        Assert.Empty(deleted.Errors);
        Assert.Equal(0L, await _api.ScalarAsync<long>("SELECT count(*) FROM photos"));
        Assert.Equal(1L, await _api.ScalarAsync<long>("SELECT count(*) FROM photo_object_deletions"));

        await _s3.StartAsync();
        var swept = await _api.Services.GetRequiredService<PhotoObjectDeletionSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, swept);
        Assert.Equal(0L, await _api.ScalarAsync<long>("SELECT count(*) FROM photo_object_deletions"));
        var listing = await _api.Services.GetRequiredService<IAmazonS3>()
            .ListObjectsV2Async(new ListObjectsV2Request { BucketName = "friender-photos", Prefix = $"users/{session.UserId}/" });
        Assert.Empty(listing.S3Objects ?? []);
    }

    [Fact]
    public async Task WhileStorageIsDown_EverythingButPhotoUploadsShouldWork_AndReadyzShouldSaySo()
    {
        var (ana, ben, matchId) = await _client.MatchedPairAsync("outage_ana", "outage_ben");
        Assert.Empty((await _client.UploadPhotoAsync(ana)).Errors);

        await _s3.StopAsync();
        var profile = await _client.UpdateProfileAsync(ben, Infrastructure.Profiles.Input(displayName: "Ben", zipCode: "10003"));
        var message = await _client.SendMessageAsync(ben, matchId, "still here");
        var discover = await _client.DiscoverAsync(ben);
        var matches = await _client.SendAsync(Chats.Matches, accessToken: ana.AccessToken);
        using var ready = await _client.Http.GetAsync("/readyz");
        using var balancer = await _client.Http.GetAsync("/readyz/balancer");

        Assert.Empty(profile.Errors);
        Assert.Empty(message.Errors);
        Assert.Empty(discover.Errors);
        Assert.Empty(matches.Errors);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"s3\":\"Unhealthy\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A balancer keeps sending requests: everything but uploads works.
        Assert.Equal(System.Net.HttpStatusCode.OK, balancer.StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_WhileStorageIsDown_ShouldDeleteEverythingAndRemoveThePhotosOnceStorageIsBack()
    {
        var session = await _client.SignUpAsync("outage_leaver");
        Assert.Empty((await _client.UploadPhotoAsync(session)).Errors);

        await _s3.StopAsync();
        var deleted = await _client.SendAsync("mutation { deleteAccount { deleted } }", accessToken: session.AccessToken);
        Assert.True(deleted.Field("deleteAccount.deleted").GetValue<bool>());
        Assert.Equal(0L, await _api.ScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Equal(1L, await _api.ScalarAsync<long>("SELECT count(*) FROM photo_object_deletions"));

        await _s3.StartAsync();
        await _api.Services.GetRequiredService<PhotoObjectDeletionSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(0L, await _api.ScalarAsync<long>("SELECT count(*) FROM photo_object_deletions"));
        var listing = await _api.Services.GetRequiredService<IAmazonS3>()
            .ListObjectsV2Async(new ListObjectsV2Request { BucketName = "friender-photos", Prefix = $"users/{session.UserId}/" });
        Assert.Empty(listing.S3Objects ?? []);
    }
}
