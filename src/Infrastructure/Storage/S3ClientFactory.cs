using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Friender.Infrastructure.Storage;

internal static class S3ClientFactory
{
    public static IAmazonS3 Create(S3Options options) => Create(options, options.ServiceUrl);

    public static IAmazonS3 CreatePresigner(S3Options options) =>
        Create(options, string.IsNullOrWhiteSpace(options.PublicServiceUrl) ? options.ServiceUrl : options.PublicServiceUrl);

    private static IAmazonS3 Create(S3Options options, string? serviceUrl)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // s3rver and older MinIO builds do not understand the SDK's default flexible checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 2,
        };

        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region;
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
