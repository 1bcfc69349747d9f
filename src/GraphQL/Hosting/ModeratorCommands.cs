using Friender.Domain.Moderation;
using Friender.Domain.Users;
using Friender.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Friender.GraphQL.Hosting;

/// <summary>
/// <c>grant-moderator USERNAME</c> and <c>revoke-moderator USERNAME</c>: the only way to make or unmake a moderator
/// (no GraphQL operation can). The role is read from the database on every moderation request, so either takes effect
/// at the next one, on every replica.
/// </summary>
internal static class ModeratorCommands
{
    public const string Grant = "grant-moderator";
    public const string Revoke = "revoke-moderator";

    /// <summary>Runs the command in <paramref name="args"/>, if there is one; returns its exit code, or null.</summary>
    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, TimeProvider clock)
    {
        var at = Array.FindIndex(args, arg => arg is Grant or Revoke);
        if (at < 0)
            return null;
        if (at + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync($"usage: {args[at]} USERNAME");
            return 2;
        }

        var username = User.NormalizeUsername(args[at + 1]);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrienderDbContext>();
        var userId = await db.Users.Where(user => user.Username == username).Select(user => (Guid?)user.Id).SingleOrDefaultAsync();
        if (userId is not { } id)
        {
            await Console.Error.WriteLineAsync($"There is no account named '{username}'.");
            return 1;
        }

        var existing = await db.Moderators.SingleOrDefaultAsync(moderator => moderator.UserId == id);
        if (args[at] == Grant)
        {
            if (existing is null)
                db.Moderators.Add(Moderator.Grant(id, clock.GetUtcNow()));
            await db.SaveChangesAsync();
            Console.WriteLine($"{username} is a moderator.");
        }
        else
        {
            if (existing is not null)
                db.Moderators.Remove(existing);
            await db.SaveChangesAsync();
            Console.WriteLine($"{username} is not a moderator.");
        }

        return 0;
    }
}
