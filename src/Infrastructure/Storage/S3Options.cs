namespace Friender.Infrastructure.Storage;

public sealed class S3Options
{
    public const string Section = "S3";

    /// <summary>Empty for AWS itself; the URL of MinIO or s3rver otherwise.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "friender-photos";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public bool ForcePathStyle { get; set; } = true;

    /// <summary>The endpoint clients reach, when it differs from ours (MinIO inside docker-compose); presigned URLs use it.</summary>
    public string? PublicServiceUrl { get; set; }

    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
