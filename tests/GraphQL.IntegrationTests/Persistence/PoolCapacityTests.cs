using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Persistence;

/// <summary>A pool larger than Postgres allows is caught at start-up, and the default pool fits a default Postgres.</summary>
public sealed class PoolCapacityTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public void Tuned_WithoutAPoolSize_ShouldKeepTheDefaultThatFitsADefaultPostgres()
    {
        Assert.Equal(PersistenceSetup.DefaultMaxPoolSize, new NpgsqlConnectionStringBuilder(PersistenceSetup.Tuned("Host=db")).MaxPoolSize);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(PersistenceSetup.Tuned("Host=db;MaxPoolSize=7")).MaxPoolSize);
        Assert.Equal(100, new NpgsqlConnectionStringBuilder(PersistenceSetup.Tuned("Host=db;Maximum Pool Size=100")).MaxPoolSize);
    }

    [Fact]
    public void Tuned_ShouldAutoPrepareUnlessTheStringSaysNot()
    {
        Assert.Equal(64, new NpgsqlConnectionStringBuilder(PersistenceSetup.Tuned("Host=db")).MaxAutoPrepare);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(PersistenceSetup.Tuned("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(";Maximum Pool Size=500", false)]
    public async Task Measure_ShouldTellWhetherThePoolAndTheListenerFit(string? options, bool fits)
    {
        await using var database = PersistenceSetup.CreateDataSource(Api.ConnectionString + options);
        var check = new PoolCapacityCheck(database, NullLogger<PoolCapacityCheck>.Instance);

        var capacity = await check.MeasureAsync(CancellationToken.None);

        Assert.Equal(fits, capacity.Fits);
        Assert.InRange(capacity.UsableConnections, 1, 10_000);
    }
}
