using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Friender.GraphQL.Hosting;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so per-address limits (signUp, logIn,
/// refreshToken) would count everyone together. <c>ForwardedHeaders:TrustedProxies</c> lists the proxies (addresses,
/// or networks as 10.0.0.0/8) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed; with none listed
/// (the default) the headers are ignored, since anyone can send them. ASP.NET Core itself would trust loopback.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "ForwardedHeaders:TrustedProxies";

    public static void UseTrustedForwardedHeaders(this WebApplication app)
    {
        var trusted = app.Configuration.GetSection(Section).Get<string[]>() ?? [];
        if (trusted.Length == 0)
            return;

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in trusted)
        {
            if (entry.Contains('/', StringComparison.Ordinal))
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            else
                options.KnownProxies.Add(IPAddress.Parse(entry));
        }

        app.UseForwardedHeaders(options);
    }
}
