using Friender.Application.Common.Abstractions;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Friender.Infrastructure.Persistence;

/// <summary>Demo accounts for trying the API locally; never run outside Development.</summary>
public sealed class DemoDataSeeder(FrienderDbContext db, IPasswordHasher passwordHasher, TimeProvider clock)
{
    public const string Password = "friender-demo";

    public static readonly IReadOnlyList<string> Usernames = ["alice", "bob", "carol"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Users.Where(user => Usernames.Contains(user.Username)).Select(user => user.Username)
            .ToListAsync(cancellationToken);
        foreach (var username in Usernames.Except(existing))
            db.Users.Add(User.Register(username, $"{username}@demo.friender.test", passwordHasher.Hash(Password), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
