using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace Friender.GraphQL.IntegrationTests.Photos;

public sealed class PhotoTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string Delete = "mutation Delete($id: ID!) { deletePhoto(input: { photoId: $id }) { deletedPhotoId photos { id position } } }";
    private const string Reorder = "mutation Reorder($ids: [ID!]!) { reorderPhotos(input: { photoIds: $ids }) { photos { id position } } }";
    private const string MyPhotos = "{ me { photos { id url urlExpiresAt position } } }";

    [Fact]
    public async Task UploadPhoto_JpegWithGpsExif_ShouldBeStoredUprightWithNoMetadata()
    {
        var session = await Client.SignUpAsync("photo_gps");

        var uploaded = await Client.UploadPhotoAsync(session, "gps-rotated.jpg");

        var stored = await DownloadAsync(uploaded.String("uploadPhoto.photo.url"));
        using var image = Image.NewFromBuffer(stored);
        Assert.Equal((900, 1200), (image.Width, image.Height));
        Assert.Equal((900, 1200), (uploaded.Field("uploadPhoto.photo.width").GetValue<int>(), uploaded.Field("uploadPhoto.photo.height").GetValue<int>()));
        Assert.DoesNotContain(image.GetFields(), field => field.StartsWith("exif", StringComparison.Ordinal) || field.StartsWith("xmp", StringComparison.Ordinal));
        Assert.Empty(Jpeg.ApplicationSegmentsExceptJfif(stored));
        var topRight = image.Getpoint(850, 50);
        Assert.True(topRight[0] > 200 && topRight[1] < 60 && topRight[2] < 60, "the red corner should be top-right once the photo is upright");
    }

    [Fact]
    public async Task UploadPhoto_PngWithAComment_ShouldDropTheComment()
    {
        var session = await Client.SignUpAsync("photo_png");

        var uploaded = await Client.UploadPhotoAsync(session, "commented.png");

        var stored = await DownloadAsync(uploaded.String("uploadPhoto.photo.url"));
        Assert.Equal(-1, stored.AsSpan().IndexOf("40.748440"u8));
        Assert.NotEqual(-1, Infrastructure.Photos.Fixture("commented.png").AsSpan().IndexOf("40.748440"u8));
        using var image = Image.NewFromBuffer(stored);
        Assert.Equal((1200, 900), (image.Width, image.Height));
    }

    [Fact]
    public async Task UploadPhoto_TextFileNamedJpg_ShouldBeRefusedAndStoreNothing()
    {
        var session = await Client.SignUpAsync("photo_fake");

        var response = await Client.UploadAsync(Infrastructure.Photos.UploadMutation, "file", "this is not a picture"u8.ToArray(), "holiday.jpg", session.AccessToken);

        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.ErrorCode);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM photos"));
        Assert.Empty(await ObjectsOfAsync(session.UserId));
    }

    [Fact]
    public async Task UploadPhoto_TruncatedJpeg_ShouldBeRefusedAsUnreadable()
    {
        var session = await Client.SignUpAsync("photo_cut");
        var jpeg = Infrastructure.Photos.Fixture("gps-rotated.jpg");

        var response = await Client.UploadAsync(Infrastructure.Photos.UploadMutation, "file", jpeg[..(jpeg.Length / 3)], "cut.jpg", session.AccessToken);

        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.ErrorCode);
    }

    [Fact]
    public async Task UploadPhoto_TheSeventh_ShouldAnswerPhotoLimitReached()
    {
        var session = await Client.SignUpAsync("photo_many");
        for (var photo = 0; photo < 6; photo++)
            Assert.Empty((await Client.UploadPhotoAsync(session)).Errors);

        var seventh = await Client.UploadPhotoAsync(session);

        Assert.Equal("PHOTO_LIMIT_REACHED", seventh.ErrorCode);
        Assert.Equal(6L, await Api.ScalarAsync<long>("SELECT count(*) FROM photos"));
        Assert.Equal(6, (await ObjectsOfAsync(session.UserId)).Count);
    }

    [Fact]
    public async Task UploadPhoto_SeveralAtOnceNearTheLimit_ShouldNeverExceedSixOrLeaveObjectsBehind()
    {
        var session = await Client.SignUpAsync("photo_race");
        for (var photo = 0; photo < 4; photo++)
            await Client.UploadPhotoAsync(session);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.UploadPhotoAsync(session)));

        Assert.All(responses.Where(response => response.Errors.Count > 0), response => Assert.Contains(response.ErrorCode, new[] { "PHOTO_LIMIT_REACHED", "CONFLICT" }));
        var rows = await Api.ScalarAsync<long>("SELECT count(*) FROM photos");
        Assert.InRange(rows, 5, 6);
        Assert.Equal(rows, (await ObjectsOfAsync(session.UserId)).Count);
        Assert.Equal(rows, await Api.ScalarAsync<long>("SELECT count(DISTINCT position) FROM photos"));
    }

    [Fact]
    public async Task UploadPhoto_WithoutThePreflightHeader_ShouldBeRefusedAsPossibleCsrf()
    {
        var session = await Client.SignUpAsync("photo_csrf");

        var response = await Client.UploadAsync(Infrastructure.Photos.UploadMutation, "file", Infrastructure.Photos.Fixture("plain.webp"), "a.webp", session.AccessToken, preflight: false);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM photos"));
    }

    [Fact]
    public async Task UploadPhoto_LargerThanTenMegabytes_ShouldAnswerPayloadTooLarge()
    {
        var session = await Client.SignUpAsync("photo_big");
        var huge = new byte[(11 * 1024 * 1024) + 1];
        Infrastructure.Photos.Fixture("gps-rotated.jpg").CopyTo(huge, 0);

        var response = await Client.UploadAsync(Infrastructure.Photos.UploadMutation, "file", huge, "huge.jpg", session.AccessToken);

        Assert.Equal(413, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", response.ErrorCode);
    }

    [Fact]
    public async Task UploadPhoto_WithoutLogin_ShouldAnswerUnauthenticated()
    {
        var response = await Client.UploadAsync(Infrastructure.Photos.UploadMutation, "file", Infrastructure.Photos.Fixture("plain.webp"), "a.webp", accessToken: null);

        Assert.Equal("UNAUTHENTICATED", response.ErrorCode);
    }

    [Fact]
    public async Task UploadPhoto_WhenTheDatabaseRefusesTheRow_ShouldDeleteTheStoredObject()
    {
        var session = await Client.SignUpAsync("photo_dbfail");
        await Api.ScalarAsync<int?>($"ALTER TABLE photos ADD CONSTRAINT test_refuse_user CHECK (user_id <> '{session.UserId}') NOT VALID");
        try
        {
            var response = await Client.UploadPhotoAsync(session);

            Assert.Equal("INTERNAL", response.ErrorCode);
            Assert.Empty(await ObjectsOfAsync(session.UserId));
        }
        finally
        {
            await Api.ScalarAsync<int?>("ALTER TABLE photos DROP CONSTRAINT test_refuse_user");
        }
    }

    [Fact]
    public async Task DeletePhoto_ShouldRemoveTheObjectAndCloseTheGap()
    {
        var session = await Client.SignUpAsync("photo_delete");
        var first = (await Client.UploadPhotoAsync(session)).String("uploadPhoto.photo.id");
        var second = await Client.UploadPhotoAsync(session);
        var third = (await Client.UploadPhotoAsync(session)).String("uploadPhoto.photo.id");

        var deleted = await Client.SendAsync(Delete, new { id = second.String("uploadPhoto.photo.id") }, session.AccessToken);

        var remaining = deleted.Field("deletePhoto.photos").AsArray().Select(photo => (photo!["id"]!.GetValue<string>(), photo["position"]!.GetValue<int>()));
        Assert.Equal([(first, 0), (third, 1)], remaining);
        using var gone = await new HttpClient().GetAsync(second.String("uploadPhoto.photo.url"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(2, (await ObjectsOfAsync(session.UserId)).Count);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM photo_object_deletions"));
    }

    [Fact]
    public async Task DeletePhoto_OfSomeoneElse_ShouldAnswerNotFoundAndKeepIt()
    {
        var owner = await Client.SignUpAsync("photo_owner");
        var intruder = await Client.SignUpAsync("photo_intruder");
        var photoId = (await Client.UploadPhotoAsync(owner)).String("uploadPhoto.photo.id");

        var theirs = await Client.SendAsync(Delete, new { id = photoId }, intruder.AccessToken);
        var missing = await Client.SendAsync(Delete, new { id = Guid.CreateVersion7().ToString() }, intruder.AccessToken);

        Assert.Equal("NOT_FOUND", theirs.ErrorCode);
        Assert.Equal(missing.Errors.ToJsonString().Replace(missing.Errors[0]!["path"]!.ToJsonString(), ""), theirs.Errors.ToJsonString().Replace(theirs.Errors[0]!["path"]!.ToJsonString(), ""));
        Assert.Single((await Client.SendAsync(MyPhotos, accessToken: owner.AccessToken)).Field("me.photos").AsArray());
    }

    [Fact]
    public async Task DeletePhoto_WithAnIdThatIsNotAnId_ShouldAnswerWithACode()
    {
        var session = await Client.SignUpAsync("photo_badid");

        var response = await Client.SendAsync(Delete, new { id = "not-a-uuid" }, session.AccessToken);

        Assert.NotNull(response.ErrorCode);
        Assert.NotEqual("INTERNAL", response.ErrorCode);
    }

    [Fact]
    public async Task ReorderPhotos_ShouldPutThemInTheGivenOrder()
    {
        var session = await Client.SignUpAsync("photo_order");
        var ids = new List<string>();
        for (var photo = 0; photo < 3; photo++)
            ids.Add((await Client.UploadPhotoAsync(session)).String("uploadPhoto.photo.id"));
        string[] order = [ids[2], ids[0], ids[1]];

        await Client.SendAsync(Reorder, new { ids = order }, session.AccessToken);

        var mine = await Client.SendAsync(MyPhotos, accessToken: session.AccessToken);
        Assert.Equal(order, mine.Field("me.photos").AsArray().Select(photo => photo!["id"]!.GetValue<string>()));
        Assert.Equal([0, 1, 2], mine.Field("me.photos").AsArray().Select(photo => photo!["position"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ReorderPhotos_NotListingEachPhotoOnce_ShouldBeRefusedAndChangeNothing()
    {
        var session = await Client.SignUpAsync("photo_badorder");
        var first = (await Client.UploadPhotoAsync(session)).String("uploadPhoto.photo.id");
        var second = (await Client.UploadPhotoAsync(session)).String("uploadPhoto.photo.id");

        var repeated = await Client.SendAsync(Reorder, new { ids = new[] { first, first } }, session.AccessToken);
        var partial = await Client.SendAsync(Reorder, new { ids = new[] { second } }, session.AccessToken);

        Assert.Equal("BAD_USER_INPUT", repeated.ErrorCode);
        Assert.Equal("BAD_USER_INPUT", partial.ErrorCode);
        var mine = await Client.SendAsync(MyPhotos, accessToken: session.AccessToken);
        Assert.Equal([first, second], mine.Field("me.photos").AsArray().Select(photo => photo!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task MePhotos_ShouldGiveUrlsThatWorkAndExpire()
    {
        var session = await Client.SignUpAsync("photo_urls");
        await Client.UploadPhotoAsync(session, "gps-rotated.jpg");

        var mine = await Client.SendAsync(MyPhotos, accessToken: session.AccessToken);

        var url = mine.String("me.photos.0.url");
        Assert.Contains("X-Amz-Signature=", url, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=", url, StringComparison.Ordinal);
        var validFor = DateTimeOffset.Parse(mine.String("me.photos.0.urlExpiresAt"), System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow;
        Assert.InRange(validFor, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.NotEmpty(await DownloadAsync(url));
    }

    private static async Task<byte[]> DownloadAsync(string url)
    {
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(url);
    }

    private async Task<List<string>> ObjectsOfAsync(string userId)
    {
        var s3 = Api.Services.GetRequiredService<IAmazonS3>();
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "friender-photos", Prefix = $"users/{userId}/" });
        return listing.S3Objects?.Select(item => item.Key).ToList() ?? [];
    }
}
