namespace Friender.Domain.Moderation;

/// <summary>Someone who may read reports and act on them; granted and revoked from the command line only.</summary>
public sealed class Moderator
{
    private Moderator()
    {
    }

    public Guid UserId { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public static Moderator Grant(Guid userId, DateTimeOffset now) => new() { UserId = userId, GrantedAt = now };
}
