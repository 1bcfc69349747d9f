using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Friender.Infrastructure.Storage;

/// <summary>
/// Presigns S3 GET URLs (AWS Signature Version 4, query-string form) for a fixed endpoint, bucket and static key.
/// Discovery signs a URL for every photo it shows, and the SDK's <c>GetPreSignedURL</c> costs about 80 µs each (a
/// page of 20 people carries about 50 photos); this costs a few, with the day's signing key derived once.
/// </summary>
internal sealed class SigV4UrlSigner
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    private readonly string _origin;
    private readonly string _host;
    private readonly string _pathPrefix;
    private readonly string _accessKey;
    private readonly string _secretKey;
    private readonly string _region;
    private DayKey _signingKey = new("", []);

    /// <param name="endpoint">Where clients reach the store, e.g. <c>http://localhost:9000</c>.</param>
    /// <param name="pathStyle">True for <c>endpoint/bucket/key</c>, false for <c>bucket.endpoint/key</c>.</param>
    public SigV4UrlSigner(Uri endpoint, string bucket, bool pathStyle, string region, string accessKey, string secretKey)
    {
        var host = pathStyle ? endpoint.Host : $"{bucket}.{endpoint.Host}";
        _host = endpoint.IsDefaultPort ? host : $"{host}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
        _origin = $"{endpoint.Scheme}://{_host}";
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        _pathPrefix = pathStyle ? $"{basePath}/{Encode(bucket)}/" : $"{basePath}/";
        _region = region;
        _accessKey = accessKey;
        _secretKey = secretKey;
    }

    public string PresignGet(string key, DateTimeOffset now, TimeSpan lifetime)
    {
        var utc = now.UtcDateTime;
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var timestamp = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{date}/{_region}/s3/aws4_request";
        var path = _pathPrefix + EncodePath(key);

        // Parameters in code-point order, as the canonical query string requires.
        var query = string.Create(CultureInfo.InvariantCulture,
            $"X-Amz-Algorithm={Algorithm}&X-Amz-Credential={Encode(_accessKey)}%2F{Encode(scope)}&X-Amz-Date={timestamp}&X-Amz-Expires={(long)lifetime.TotalSeconds}&X-Amz-SignedHeaders=host");
        var canonicalRequest = $"GET\n{path}\n{query}\nhost:{_host}\n\nhost\nUNSIGNED-PAYLOAD";
        var stringToSign = $"{Algorithm}\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var signature = Hex(HMACSHA256.HashData(SigningKey(date), Encoding.UTF8.GetBytes(stringToSign)));
        return $"{_origin}{path}?{query}&X-Amz-Signature={signature}";
    }

    private byte[] SigningKey(string date)
    {
        // One reference, swapped whole: a reader sees one day's date and key together, never a mix.
        var cached = _signingKey;
        if (cached.Date == date)
            return cached.Key;

        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + _secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(_region));
        key = HMACSHA256.HashData(key, "s3"u8);
        key = HMACSHA256.HashData(key, "aws4_request"u8);
        _signingKey = new DayKey(date, key);
        return key;
    }

    private sealed record DayKey(string Date, byte[] Key);

    private static string EncodePath(string key) => string.Join('/', key.Split('/').Select(Encode));

    /// <summary>RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 wants.</summary>
    private static string Encode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                text.Append(c);
            else
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
