namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>Test data: photo fixtures and uploads through the public API.</summary>
public static class Photos
{
    public const string UploadMutation = "mutation Upload($file: Upload!) { uploadPhoto(input: { file: $file }) { photo { id url urlExpiresAt position width height } } }";

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", "Fixtures", name));

    public static Task<GraphQLResponse> UploadPhotoAsync(this GraphQLClient client, Session session, string fixture = "plain.webp") =>
        client.UploadAsync(UploadMutation, "file", Fixture(fixture), fixture, session.AccessToken);
}
