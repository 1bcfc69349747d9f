using Friender.GraphQL.IntegrationTests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Friender.GraphQL.IntegrationTests.Schema;

public sealed class SchemaTests(FrienderApiFactory api) : ApiTest(api)
{
    /// <summary>Every change to the public contract shows up in review as a change to schema.graphql.</summary>
    [Fact]
    public void Schema_ShouldMatchTheReviewedContract()
    {
        var schema = Api.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal });

        Snapshot.Match(sdl, "schema.graphql");
    }
}
