using System.Globalization;
using Friender.Domain.Messaging;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Persistence;

/// <summary>
/// How long live events stay replayable is stated by the Domain (<see cref="LiveEventRetention.Keeps"/>) and carried
/// out by prune_live_events.sql: on both sides of each boundary (age, and how many of the person's events are newer)
/// they must agree, and the head must remember the last position pruned.
/// </summary>
public sealed class LiveEventRetentionParityTests(FrienderApiFactory api) : ApiTest(api)
{
    private const long Head = 3_000;
    private static readonly long[] Positions = [1, Head - LiveEventRetention.MinimumCount - 1, Head - LiveEventRetention.MinimumCount, Head - LiveEventRetention.MinimumCount + 1, Head - 1, Head];
    private static readonly TimeSpan[] Ages =
    [
        TimeSpan.FromHours(1),
        LiveEventRetention.MinimumAge - TimeSpan.FromMinutes(1),
        LiveEventRetention.MinimumAge + TimeSpan.FromMinutes(1),
        TimeSpan.FromDays(30),
    ];

    [Fact]
    public async Task PruneSql_ShouldDeleteExactlyWhatTheDomainNoLongerKeeps()
    {
        var people = new List<Session>();
        foreach (var (age, index) in Ages.Select((age, index) => (age, index)))
        {
            var person = await Client.PersonAsync($"kept{index}");
            people.Add(person);
            await Api.ScalarAsync<int>($"""
                INSERT INTO live_event_heads (user_id, last_position, pruned_through) VALUES ('{person.UserId}', {Head}, 0);
                INSERT INTO live_events (recipient_id, position, event, occurred_at)
                SELECT '{person.UserId}', position, jsonb_build_object(), now() - interval '{age.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds'
                FROM unnest(ARRAY[{string.Join(',', Positions)}]::bigint[]) position;
                SELECT 1
                """);
        }

        var pruned = await Api.Services.GetRequiredService<LiveEventPruner>().PruneAsync(CancellationToken.None);

        var expectedPrunedCount = 0;
        foreach (var (age, index) in Ages.Select((age, index) => (age, index)))
        {
            var expected = Positions.Where(position => LiveEventRetention.Keeps(age, Head - position)).ToArray();
            expectedPrunedCount += Positions.Length - expected.Length;
            var kept = await Api.ScalarAsync<long[]>($"SELECT coalesce(array_agg(position ORDER BY position), '{{}}') FROM live_events WHERE recipient_id = '{people[index].UserId}'");
            Assert.True(expected.SequenceEqual(kept), $"aged {age}: kept [{string.Join(',', kept)}], the Domain keeps [{string.Join(',', expected)}]");
            var prunedThrough = await Api.ScalarAsync<long>($"SELECT pruned_through FROM live_event_heads WHERE user_id = '{people[index].UserId}'");
            Assert.Equal(Positions.Except(expected).DefaultIfEmpty(0).Max(), prunedThrough);
        }

        Assert.Equal(expectedPrunedCount, pruned);
        Assert.InRange(expectedPrunedCount, 1, Positions.Length * Ages.Length - 1);
    }
}
