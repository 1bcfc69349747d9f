using Friender.GraphQL.Hosting;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Moderation;

/// <summary>Test data for moderation: moderators made the only way there is (the command line), and the operations.</summary>
public static class Moderators
{
    public const string Report = """
        mutation Report($id: ID!, $category: ReportCategory!, $reason: String, $photoId: ID, $messageId: ID, $block: Boolean) {
          reportUser(input: { userId: $id, category: $category, reason: $reason, photoId: $photoId, messageId: $messageId, block: $block }) { reportId }
        }
        """;

    public const string Moderate = """
        mutation Moderate($input: ModerateInput!) {
          moderate(input: $input) { id kind reason reportIds until subjectId moderatorUsername }
        }
        """;

    public const string Queue = "{ moderationQueue { userId username displayName openReports countingReporters hidden suspended } }";

    public const string Case = """
        query Case($id: ID!) {
          moderationCase(userId: $id) {
            userId username displayName hidden
            suspension { until reason }
            photos { id hidden }
            reports { id category reason counts reporterName resolvedAt photoId photo { id } messageId conversation { body fromReportedPerson isReported } }
            actions { kind reason }
            appeals { id text action { kind } }
          }
        }
        """;

    public static async Task<Session> ModeratorAsync(this FrienderApiFactory api, GraphQLClient client, string username)
    {
        var moderator = await client.PersonAsync(username, zipCode: "94103");
        Assert.Equal(0, await ModeratorCommands.TryRunAsync([ModeratorCommands.Grant, username], api.Services, api.Clock));
        return moderator;
    }

    public static Task<GraphQLResponse> ReportAsync(
        this GraphQLClient client, Session reporter, Session reported, string category = "HARASSMENT", string? reason = null,
        string? photoId = null, string? messageId = null, bool block = true) =>
        client.SendAsync(Report, new { id = reported.UserId, category, reason, photoId, messageId, block }, reporter.AccessToken);

    public static Task<GraphQLResponse> ModerateAsync(this GraphQLClient client, Session moderator, object input) =>
        client.SendAsync(Moderate, new { input }, moderator.AccessToken);
}
