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

    /// <summary>
    /// A read and a write rather than S3's CopyObject: s3rver cannot parse the SDK's encoded copy source ("the specified
    /// bucket does not exist"), and a photo is small (2048 px at most), so every S3-compatible store takes the same path.
    /// </summary>
    public async Task CopyAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken)
    {
        byte[] content = [];
        string contentType = "application/octet-stream";
        await CallAsync(async () =>
        {
            using var source = await s3.GetObjectAsync(_options.Bucket, sourceKey, cancellationToken);
            using var buffer = new MemoryStream();
            await source.ResponseStream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
            contentType = source.Headers.ContentType ?? contentType;
            return source;
        });
        await PutAsync(destinationKey, content, contentType, cancellationToken);
    }

    public PresignedUrl PresignGet(string key)
    {
        var now = clock.GetUtcNow();
        return new PresignedUrl(new Uri(presigner.PresignGet(key, now, _options.PresignedUrlLifetime)), now + _options.PresignedUrlLifetime);
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

/// <summary>
/// Signs URLs for clients to use, with the endpoint they can reach: our own SigV4 signer when the endpoint and a
/// static key are configured (MinIO, s3rver, any S3-compatible store), the SDK otherwise (AWS with ambient
/// credentials, which rotate and carry session tokens).
/// </summary>
public sealed class S3Presigner
{
    private readonly string _bucket;
    private readonly IAmazonS3? _client;
    private readonly Protocol _protocol;
    private readonly SigV4UrlSigner? _signer;

    private S3Presigner(string bucket, IAmazonS3? client, Protocol protocol, SigV4UrlSigner? signer)
    {
        _bucket = bucket;
        _client = client;
        _protocol = protocol;
        _signer = signer;
    }

    public static S3Presigner Create(S3Options options)
    {
        var url = string.IsNullOrWhiteSpace(options.PublicServiceUrl) ? options.ServiceUrl : options.PublicServiceUrl;
        if (!string.IsNullOrWhiteSpace(url) && !string.IsNullOrEmpty(options.AccessKey) && !string.IsNullOrEmpty(options.SecretKey))
        {
            return new S3Presigner(options.Bucket, null, Protocol.HTTPS,
                new SigV4UrlSigner(new Uri(url), options.Bucket, options.ForcePathStyle, options.Region, options.AccessKey, options.SecretKey));
        }

        var protocol = url?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS;
        return new S3Presigner(options.Bucket, S3ClientFactory.CreatePresigner(options), protocol, null);
    }

    public string PresignGet(string key, DateTimeOffset now, TimeSpan lifetime) =>
        _signer?.PresignGet(key, now, lifetime)
        ?? _client!.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = (now + lifetime).UtcDateTime,
            Protocol = _protocol,
        });
}
