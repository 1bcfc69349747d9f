namespace Friender.Application.Photos.Common;

/// <summary>An uploaded file as the transport received it; its name and declared type are not trusted.</summary>
public sealed record PhotoUpload(Stream Content, long Length);
