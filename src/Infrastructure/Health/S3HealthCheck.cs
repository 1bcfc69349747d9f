using Amazon.S3;
using Amazon.S3.Model;
using Friender.Infrastructure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure.Health;

internal sealed class S3HealthCheck(IAmazonS3 s3, IOptions<S3Options> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await s3.HeadBucketAsync(new HeadBucketRequest { BucketName = options.Value.Bucket }, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is AmazonS3Exception or Amazon.Runtime.AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The photo bucket is not reachable.", exception);
        }
    }
}
