using FluentValidation;
using Friender.Application.Accounts.Common;
using Friender.Application.Discovery.Common;
using Friender.Application.Moderation.Common;
using Friender.Application.Photos.Common;
using Friender.Application.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Friender.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<SessionIssuer>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SessionIssuer>();
        services.AddScoped<Credentials>();
        services.AddScoped<AccountStanding>();
        services.AddScoped<ReportHiding>();
        services.AddScoped<PhotoEvidence>();
        services.AddScoped<PhotoUrls>();
        services.AddScoped<PhotoObjectDeleter>();
        services.AddScoped<CandidateViews>();
        services.AddScoped<LiveDeliveries>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<Common.Resilience.DatabaseRetry>();
        services.AddSingleton<TypingThrottle>();
        services.TryAddSingleton<ITypingThrottle>(provider => provider.GetRequiredService<TypingThrottle>());
        services.AddSingleton<InProcessConnectionLeases>();
        services.TryAddSingleton<IConnectionLeases>(provider => provider.GetRequiredService<InProcessConnectionLeases>());
        return services;
    }
}
