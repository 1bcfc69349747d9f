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
            await s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            await s3.PutBucketAsync(bucket, cancellationToken);
        }
    }
}
