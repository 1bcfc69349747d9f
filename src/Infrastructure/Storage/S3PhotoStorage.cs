using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure.Storage;

public sealed class S3PhotoStorage(IAmazonS3 s3, S3Presigner presigner, IOptions<S3Options> options, TimeProvider clock)
    : IPhotoStorage
{
    private readonly S3Options _options = options.Value;

    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content, writable: false);
        await CallAsync(() => s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = _options.Bucket,
                Key = key,
                InputStream = body,
                ContentType = contentType,
                // Without this s3rver stores the aws-chunked signatures inside the object.
                UseChunkEncoding = false,
            },
            cancellationToken));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(() => s3.DeleteObjectAsync(_options.Bucket, key, cancellationToken));

    public PresignedUrl PresignGet(string key)
    {
        var expiresAt = clock.GetUtcNow() + _options.PresignedUrlLifetime;
        var url = presigner.Client.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = presigner.Protocol,
        });
        return new PresignedUrl(new Uri(url), expiresAt);
    }

    private static async Task CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException or HttpRequestException
            or SocketException or IOException or TaskCanceledException)
        {
            throw new StorageUnavailableException(exception);
        }
    }
}

/// <summary>The client that signs URLs for clients to use, with the endpoint they can reach.</summary>
public sealed class S3Presigner(IAmazonS3 client, Protocol protocol)
{
    public IAmazonS3 Client { get; } = client;

    public Protocol Protocol { get; } = protocol;

    public static S3Presigner Create(S3Options options)
    {
        var url = string.IsNullOrWhiteSpace(options.PublicServiceUrl) ? options.ServiceUrl : options.PublicServiceUrl;
        var protocol = url?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS;
        return new S3Presigner(S3ClientFactory.CreatePresigner(options), protocol);
    }
}
