namespace Friender.Application.Photos.Common;

public sealed record PhotoDto(Guid Id, Uri Url, DateTimeOffset UrlExpiresAt, int Position, int Width, int Height);
