using Amazon.S3;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.RateLimiting;
using Friender.Application.Messaging.Common;
using Friender.Application.Moderation.Common;
using Friender.Application.Realtime;
using Friender.Infrastructure.Auth;
using Friender.Infrastructure.Discovery;
using Friender.Infrastructure.Health;
using Friender.Infrastructure.Imaging;
using Friender.Infrastructure.Matching;
using Friender.Infrastructure.Messaging;
using Friender.Infrastructure.Moderation;
using Friender.Infrastructure.Persistence;
using Friender.Infrastructure.Persistence.Seeding;
using Friender.Infrastructure.Profiles;
using Friender.Infrastructure.RateLimiting;
using Friender.Infrastructure.Realtime;
using Friender.Infrastructure.Redis;
using Friender.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Friender.Infrastructure;

public static class DependencyInjection
{
    public const string ReadinessTag = "ready";

    /// <summary>The checks a load balancer asks (<c>/readyz/balancer</c>): Postgres only, so an S3 outage, which only
    /// uploads notice, does not take every replica out of the pool.</summary>
    public const string BalancerTag = "balancer";

    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("Set ConnectionStrings:Postgres (env ConnectionStrings__Postgres).");
        services.AddSingleton(_ => PersistenceSetup.CreateDataSource(connectionString));
        var standbyConnectionString = configuration.GetConnectionString("PostgresStandby");
        services.AddSingleton(provider => string.IsNullOrWhiteSpace(standbyConnectionString)
            ? new StandbyDataSource(provider.GetRequiredService<Npgsql.NpgsqlDataSource>(), isStandby: false)
            : new StandbyDataSource(PersistenceSetup.CreateStandbyDataSource(standbyConnectionString), isStandby: true));
        services.AddDbContext<FrienderDbContext>((provider, options) => PersistenceSetup.Configure(options, provider.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        services.AddScoped<IAppDbContext>(provider => provider.GetRequiredService<FrienderDbContext>());
        services.AddSingleton<IDatabaseFaults, NpgsqlDatabaseFaults>();
        services.AddSingleton<PoolCapacityCheck>();
        services.AddHostedService(provider => provider.GetRequiredService<PoolCapacityCheck>());

        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.Section))
            .Validate(options => options.SigningKeyBytes().Length >= 32, "Jwt:SigningKey must be the base64 of at least 32 random bytes.")
            .Validate(
                options => environment.IsDevelopment() || options.SigningKey != JwtOptions.DevelopmentSigningKey,
                "Jwt:SigningKey is the development key, which is public; set a secret key (env Jwt__SigningKey) outside Development.")
            .ValidateOnStart();
        services.AddOptions<LoginThrottleOptions>().Bind(configuration.GetSection(LoginThrottleOptions.Section));
        services.AddSingleton<IPasswordHasher, Pbkdf2PasswordHasher>();
        services.AddSingleton<JwtTokenService>();
        services.AddSingleton<RevocationList>();
        services.AddSingleton<IAccessTokenIssuer>(provider => provider.GetRequiredService<JwtTokenService>());
        services.AddScoped<AccessTokenAuthenticator>();
        services.AddScoped<ILoginThrottle, PostgresLoginThrottle>();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<InProcessRateLimiter>();
        services.AddSingleton<IRequestRateLimiter>(provider => provider.GetRequiredService<InProcessRateLimiter>());

        services.AddOptions<S3Options>().Bind(configuration.GetSection(S3Options.Section));
        services.AddSingleton(provider => S3ClientFactory.Create(provider.GetRequiredService<IOptions<S3Options>>().Value));
        services.AddSingleton(provider => S3Presigner.Create(provider.GetRequiredService<IOptions<S3Options>>().Value));
        // Presigned URLs are judged by S3 against the wall clock, whatever clock the rest of the app is given.
        services.AddSingleton<IPhotoStorage>(provider => new S3PhotoStorage(
            provider.GetRequiredService<IAmazonS3>(),
            provider.GetRequiredService<S3Presigner>(),
            provider.GetRequiredService<IOptions<S3Options>>(),
            TimeProvider.System));
        services.AddSingleton<IImageProcessor, VipsImageProcessor>();
        services.AddSingleton<PhotoObjectDeletionSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<PhotoObjectDeletionSweeper>());
        services.AddSingleton(provider => new CandidateWatermarks(provider.GetService<RedisConnection>()));
        services.AddScoped<ICandidateSource, PostgresCandidateSource>();
        services.AddSingleton<ISwipeLedger, PostgresSwipeLedger>();
        services.AddSingleton<IProfileGate, PostgresProfileGate>();
        services.AddSingleton<IMessageLedger, PostgresMessageLedger>();
        services.AddSingleton<IConversationArchive, StandbyConversationArchive>();

        services.AddOptions<RealtimeOptions>().Bind(configuration.GetSection(RealtimeOptions.Section));
        services.AddSingleton<IRealtimePublisher, PostgresRealtimePublisher>();
        services.AddSingleton<ILiveFanOut>(PostgresLiveFanOut.Instance);
        services.AddSingleton<LiveEventQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveEventQueue>());
        services.AddSingleton<ILiveJournal, PostgresLiveJournal>();
        services.AddOptions<ModerationOptions>().Bind(configuration.GetSection(ModerationOptions.Section))
            .Validate(moderation => moderation.ReportsToHide >= 1, "Moderation:ReportsToHide is at least 1.")
            .Validate(moderation => moderation.ExpirySweepInterval > TimeSpan.Zero, "Moderation:ExpirySweepInterval is positive.")
            .ValidateOnStart();
        services.AddSingleton<ModerationSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<ModerationSweeper>());
        services.AddSingleton<LiveEventPruner>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveEventPruner>());
        // Behind PgBouncer the pooled connections go through it, but a LISTEN holds a session: it goes to Postgres itself.
        services.AddSingleton(ListenerConnectionString.From(configuration.GetConnectionString("PostgresListen") ?? connectionString));
        services.AddSingleton<PostgresRealtimeListener>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresRealtimeListener>());

        services.AddSingleton<BucketInitializer>();
        services.AddScoped<ZipCodeSeeder>();
        services.AddScoped<DemoDataSeeder>();

        AddSharedState(services, configuration.GetConnectionString("Redis"), configuration.GetValue<LiveFanOutKind?>("Realtime:FanOut"));

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadinessTag, BalancerTag])
            .AddCheck<S3HealthCheck>("s3", tags: [ReadinessTag]);

        return services;
    }

    /// <summary>
    /// With <c>ConnectionStrings:Redis</c>, rate limits, the typing throttle, socket slots and discovery watermarks are
    /// shared by every replica through Redis (each falling back to this process while Redis cannot be reached);
    /// without it, the one-box default, they are counted in this process (ADR 0025).
    /// </summary>
    private static void AddSharedState(IServiceCollection services, string? redisConfiguration, LiveFanOutKind? fanOut)
    {
        if (string.IsNullOrWhiteSpace(redisConfiguration))
        {
            if (fanOut == LiveFanOutKind.Redis)
                throw new InvalidOperationException("Realtime:FanOut is Redis, but ConnectionStrings:Redis is not set.");
            return;
        }

        services.AddSingleton(provider => new RedisConnection(redisConfiguration, provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RedisConnection>>()));
        services.AddSingleton<IRequestRateLimiter, RedisRateLimiter>();
        services.AddSingleton<ITypingThrottle, RedisTypingThrottle>();
        services.AddSingleton<RedisConnectionLeases>();
        services.AddSingleton<IConnectionLeases>(provider => provider.GetRequiredService<RedisConnectionLeases>());
        services.AddHostedService(provider => provider.GetRequiredService<RedisConnectionLeases>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ReadinessTag]);
        if (fanOut == LiveFanOutKind.Postgres)
            return;

        // Live events between replicas over Redis pub/sub instead of NOTIFY (ADR 0028).
        services.AddSingleton<RedisLiveFanOut>();
        services.AddSingleton<ILiveFanOut>(provider => provider.GetRequiredService<RedisLiveFanOut>());
        services.AddSingleton<IRealtimePublisher>(provider => provider.GetRequiredService<RedisLiveFanOut>());
        services.AddSingleton<RedisRealtimeListener>();
        services.AddHostedService(provider => provider.GetRequiredService<RedisRealtimeListener>());
    }
}
