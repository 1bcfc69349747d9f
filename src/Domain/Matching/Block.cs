using Friender.Domain.Common;

namespace Friender.Domain.Matching;

/// <summary>Hides two people from each other for good, both ways, and ends any match between them.</summary>
public sealed class Block
{
    private Block()
    {
    }

    public Guid BlockerId { get; private set; }

    public Guid BlockedId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Block Create(Guid blockerId, Guid blockedId, DateTimeOffset now)
    {
        if (blockerId == blockedId)
            throw DomainException.InvalidInput("You cannot block yourself.");

        return new Block { BlockerId = blockerId, BlockedId = blockedId, CreatedAt = now };
    }
}
