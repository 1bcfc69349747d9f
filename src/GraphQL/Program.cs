using Friender.Application;
using Friender.Application.Accounts.SignUp;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Behaviors;
using Friender.GraphQL.Common;
using Friender.GraphQL.Hosting;
using Friender.GraphQL.Transport;
using Friender.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    // Each WebSocket holds a connection for as long as it is open; past this many, further upgrades are refused
    // instead of exhausting the process. Kestrel's default is no limit at all.
    kestrel.Limits.MaxConcurrentUpgradedConnections = builder.Configuration.GetValue<long?>("WebSockets:MaxConcurrentConnections") ?? 10_000;
});
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddFrienderGraphQL(builder.Configuration)
    .AddHttpContextAccessor()
    .AddScoped<ICurrentUser, HttpCurrentUser>()
    .AddFrienderObservability(builder.Configuration)
    .AddShutdownDrain(builder.Configuration)
    .AddMediator(options =>
    {
        options.ServiceLifetime = ServiceLifetime.Scoped;
        options.Assemblies = [typeof(SignUpCommand)];
        options.PipelineBehaviors =
        [
            typeof(TracingBehavior<,>),
            typeof(AuthenticationBehavior<,>),
            typeof(ModeratorBehavior<,>),
            typeof(RateLimitBehavior<,>),
            typeof(DatabaseRetryBehavior<,>),
            typeof(ProfileCompletenessBehavior<,>),
            typeof(ValidationBehavior<,>),
        ];
    });

var app = builder.Build();

if (args.Contains("migrate"))
{
    // Once per release (or once before a cluster's replicas start): the schema, the bucket and, if configured, demo data.
    await StartupTasks.MigrateAsync(app.Services, CancellationToken.None);
    if (app.Configuration.GetValue<bool>($"{StartupTasks.Section}:SeedDemoData"))
        await StartupTasks.SeedDemoDataAsync(app.Services, CancellationToken.None);
    return 0;
}

if (await ModeratorCommands.TryRunAsync(args, app.Services, TimeProvider.System) is { } exitCode)
    return exitCode;

await StartupTasks.RunConfiguredAsync(app);

app.UseExceptionHandler(failed => failed.Run(http => http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().WriteUnhandledAsync(http)));
app.UseTrustedForwardedHeaders();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.UseBearerAuthentication();
app.Services.GetRequiredService<BananaCakePop>().Map(app);
app.Services.GetRequiredService<WebClient>().Map(app);
app.Map("/graphql", http => http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http));
app.MapSessionEndpoints();
app.MapPrometheusScrapingEndpoint(Observability.MetricsPath);
app.MapBenchEndpoints();
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/readyz", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains(Friender.Infrastructure.DependencyInjection.ReadinessTag),
    ResponseWriter = ReadinessReport.WriteAsync,
});
app.MapHealthChecks("/readyz/balancer", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains(Friender.Infrastructure.DependencyInjection.BalancerTag),
    ResponseWriter = ReadinessReport.WriteAsync,
});

await app.RunAsync();
return 0;

/// <summary>The entry point, public so that tests can host the real app.</summary>
public partial class Program;
