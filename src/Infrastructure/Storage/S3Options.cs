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
}
