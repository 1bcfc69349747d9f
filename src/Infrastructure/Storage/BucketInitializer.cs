using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure.Storage;

public sealed class BucketInitializer(IAmazonS3 s3, IOptions<S3Options> options)
{
    public async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        var bucket = options.Value.Bucket;
        try
        {
            // A listing is the probe every S3 implementation we run on (AWS, MinIO, s3rver) understands.
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 }, cancellationToken);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            await s3.PutBucketAsync(bucket, cancellationToken);
        }
    }
}
