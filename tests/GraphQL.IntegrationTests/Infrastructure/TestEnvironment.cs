namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>Where the services started by make test (scripts/test.sh) listen.</summary>
internal static class TestEnvironment
{
    public static string PostgresServer => Required("FRIENDER_TEST_POSTGRES");

    public static string S3ServiceUrl => Required("FRIENDER_TEST_S3");

    /// <summary>A StackExchange.Redis configuration string (host:port,password=…).</summary>
    public static string Redis => Required("FRIENDER_TEST_REDIS");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the integration tests with 'make test', which starts Postgres, s3rver and Redis.");
}
