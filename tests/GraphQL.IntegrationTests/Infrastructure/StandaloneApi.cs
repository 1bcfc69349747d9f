using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>
/// The app on an in-memory test server, apart from the shared <see cref="FrienderApiFactory"/>, for tests that change
/// how it is built; <paramref name="configure"/> runs last, so its settings win.
/// </summary>
internal static class StandaloneApi
{
    public static WebApplicationFactory<Program> Create(Action<IWebHostBuilder> configure) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Postgres", TestEnvironment.PostgresServer);
            host.UseSetting("S3:ServiceUrl", TestEnvironment.S3ServiceUrl);
            host.UseSetting("Jwt:SigningKey", Convert.ToBase64String(new byte[32]));
            configure(host);
        });
}
