using Friender.Application.Common.Abstractions;
using Friender.Domain.Moderation;
using Friender.Domain.Profiles;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Friender.Infrastructure.Persistence;

/// <summary>Demo accounts with complete profiles a mile or two apart, for trying the API locally; never run outside Development.</summary>
public sealed class DemoDataSeeder(FrienderDbContext db, IPasswordHasher passwordHasher, TimeProvider clock)
{
    public const string Password = "friender-demo";

    private static readonly (string Username, string Zip, string[] Hobbies, string[] Interests)[] People =
    [
        ("alice", "10001", ["Chess", "Climbing", "Baking"], ["Jazz", "Astronomy"]),
        ("bob", "10003", ["Chess", "Running"], ["Jazz", "Film"]),
        ("carol", "10011", ["Climbing", "Pottery"], ["Astronomy", "Podcasts"]),
        (DemoModerator, "94103", ["Reading"], ["Trust and safety"]),
    ];

    /// <summary>The demo moderator: in San Francisco, out of the New York demo people's decks.</summary>
    public const string DemoModerator = "moderator";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var person in People)
        {
            var user = await db.Users.SingleOrDefaultAsync(candidate => candidate.Username == person.Username, cancellationToken);
            if (user is null)
            {
                user = User.Register(person.Username, $"{person.Username}@demo.friender.test", passwordHasher.Hash(Password), now);
                db.Users.Add(user);
            }

            if (!await db.Profiles.AnyAsync(profile => profile.UserId == user.Id, cancellationToken)
                && await db.ZipCodes.FindAsync([person.Zip], cancellationToken) is { } zip)
            {
                var details = new ProfileDetails(char.ToUpperInvariant(person.Username[0]) + person.Username[1..], "Demo account.", person.Hobbies, person.Interests, 10);
                db.Profiles.Add(Profile.Create(user.Id, details, zip, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var moderatorId = await db.Users.Where(user => user.Username == DemoModerator).Select(user => user.Id).SingleAsync(cancellationToken);
        if (!await db.Moderators.AnyAsync(moderator => moderator.UserId == moderatorId, cancellationToken))
        {
            db.Moderators.Add(Moderator.Grant(moderatorId, now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
