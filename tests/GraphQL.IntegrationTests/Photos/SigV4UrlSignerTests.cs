using System.Globalization;
using System.Net;
using System.Web;
using Amazon.S3;
using Amazon.S3.Model;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Photos;

/// <summary>Our presigner against the AWS SDK's (same inputs, same signature) and against a real S3 API (s3rver).</summary>
public sealed class SigV4UrlSignerTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string Bucket = "friender-photos";

    [Theory]
    [InlineData("http://127.0.0.1:9000", true, "users/0b4c6a56-8c7e-4f7e-9a39-1f2a3b4c5d6e/photo.jpg")]
    [InlineData("https://storage.example.com", true, "users/a b+c/ünïcode=&?.jpg")]
    [InlineData("https://storage.example.com:8443", false, "users/x/y.webp")]
    public void PresignGet_ShouldSignExactlyAsTheAwsSdkDoes(string endpoint, bool pathStyle, string key)
    {
        var options = new S3Options { ServiceUrl = endpoint, ForcePathStyle = pathStyle, AccessKey = "AKIDEXAMPLE", SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Region = "eu-west-3" };
        using var sdk = S3ClientFactory.CreatePresigner(options);
        var expected = new Uri(sdk.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(15),
            Protocol = endpoint.StartsWith("https", StringComparison.Ordinal) ? Protocol.HTTPS : Protocol.HTTP,
        }));
        var expectedQuery = HttpUtility.ParseQueryString(expected.Query);
        var signedAt = DateTimeOffset.ParseExact(expectedQuery["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var lifetime = TimeSpan.FromSeconds(int.Parse(expectedQuery["X-Amz-Expires"]!, CultureInfo.InvariantCulture));

        var actual = new Uri(new SigV4UrlSigner(new Uri(endpoint), Bucket, pathStyle, options.Region, options.AccessKey, options.SecretKey)
            .PresignGet(key, signedAt, lifetime));

        var actualQuery = HttpUtility.ParseQueryString(actual.Query);
        Assert.Equal(expected.GetLeftPart(UriPartial.Path), actual.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            expectedQuery.AllKeys.Order(StringComparer.Ordinal).Select(name => $"{name}={expectedQuery[name]}"),
            actualQuery.AllKeys.Order(StringComparer.Ordinal).Select(name => $"{name}={actualQuery[name]}"));
    }

    /// <summary>The worked example of AWS's "Authenticating Requests: Using Query Parameters" (SigV4) documentation.</summary>
    [Fact]
    public void PresignGet_ShouldReproduceTheExampleOfTheAwsDocumentation()
    {
        var signer = new SigV4UrlSigner(new Uri("https://s3.amazonaws.com"), "examplebucket", pathStyle: false, "us-east-1",
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        var url = signer.PresignGet("test.txt", new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));

        Assert.StartsWith("https://examplebucket.s3.amazonaws.com/test.txt?", url, StringComparison.Ordinal);
        Assert.EndsWith("&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", url, StringComparison.Ordinal);
    }

    /// <remarks>s3rver does not check SigV4 signatures, so this proves the URL's shape and endpoint, not its signature;
    /// the two tests above prove the signature.</remarks>
    [Fact]
    public async Task PresignedUrl_ShouldOpenTheObjectOnARealS3Api()
    {
        var key = $"users/{Guid.NewGuid()}/signed.txt";
        await Api.Services.GetRequiredService<IAmazonS3>().PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            ContentBody = "hello",
            UseChunkEncoding = false,
        });
        var url = Api.Services.GetRequiredService<S3Presigner>().PresignGet(key, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        using var http = new HttpClient();

        using var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
    }
}
