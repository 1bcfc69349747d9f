using Friender.Infrastructure.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Friender.GraphQL.Hosting;

public sealed class WebClientOptions
{
    public const string Section = "WebClient";

    /// <summary>The built client (web/dist); found above the app when not set. Nothing is served at / without it.</summary>
    public string? Directory { get; set; }
}

/// <summary>
/// Serves the web client's build at /: hashed assets cached for good, index.html never cached, and a
/// Content-Security-Policy that lets the page talk to nothing but this origin (HTTP and WebSocket) and the photo store.
/// GET paths without a file extension that no API route claims get index.html, so the client's own routes survive a
/// reload.
/// </summary>
internal sealed class WebClient(IOptions<WebClientOptions> options, IOptions<S3Options> storage, IWebHostEnvironment environment)
{
    private const string BuildFolder = "web/dist";
    private const string HashedAssets = "/assets/";

    public string? Directory { get; } = Locate(options.Value.Directory, environment.ContentRootPath);

    public void Map(WebApplication app)
    {
        if (Directory is null)
            return;

        var files = new PhysicalFileProvider(Directory);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var path = context.Context.Request.Path.Value ?? string.Empty;
                context.Context.Response.Headers.CacheControl = path.StartsWith(HashedAssets, StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                if (context.File.Name == "index.html")
                    Protect(context.Context);
            },
        });

        // Middleware, not a fallback endpoint: a matched endpoint would stop the IDE's static files under /graphql/ui.
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path.Value ?? "/";
            var isPage = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && http.GetEndpoint() is null
                && !path.StartsWith("/graphql", StringComparison.OrdinalIgnoreCase)
                && !Path.HasExtension(path);
            if (!isPage)
            {
                await next(http);
                return;
            }

            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            Protect(http);
            await http.Response.SendFileAsync(files.GetFileInfo("index.html"), http.RequestAborted);
        });
    }

    private void Protect(HttpContext http)
    {
        var host = http.Request.Host.Value;
        var photos = storage.Value.PublicServiceUrl ?? storage.Value.ServiceUrl;
        var photoSource = Uri.TryCreate(photos, UriKind.Absolute, out var photoUri) ? $" {photoUri.GetLeftPart(UriPartial.Authority)}" : " https:";
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:{photoSource}; "
            + $"connect-src 'self' ws://{host} wss://{host}; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static string? Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(Path.Combine(configured, "index.html")) ? Path.GetFullPath(configured) : null;

        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, BuildFolder);
            if (File.Exists(Path.Combine(candidate, "index.html")))
                return candidate;
        }

        return null;
    }
}
