using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Friender.GraphQL.Transport;

public sealed class BananaCakePopOptions
{
    public const string Section = "BananaCakePop";

    public bool Enabled { get; set; }

    /// <summary>The unpacked npm package; found under node_modules above the app when not set.</summary>
    public string? Directory { get; set; }

    public string Title { get; set; } = "Friender";
}

/// <summary>
/// Serves the Banana Cake Pop IDE, unmodified and with its LICENSE, from the npm package installed at build time,
/// plus the bcp-config.json that points it at /graphql.
/// </summary>
internal sealed class BananaCakePop
{
    public const string Path = "/graphql/ui";
    private const string PackageFolder = "node_modules/@chillicream/bananacakepop-graphql-ide";

    private readonly byte[] _config;

    public BananaCakePop(IOptions<BananaCakePopOptions> options, IWebHostEnvironment environment)
    {
        var settings = options.Value;
        Directory = settings.Enabled ? Locate(settings.Directory, environment.ContentRootPath) : null;
        _config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            title = settings.Title,
            useBrowserUrlAsEndpoint = true,
            endpoint = "..",
            subscriptionProtocol = "graphql-transport-ws",
            disableTelemetry = true,
            includeCookies = false,
            // Uploads are multipart requests, which we only accept with this header (CSRF); the IDE does not add it.
            httpHeaders = new Dictionary<string, string> { ["GraphQL-Preflight"] = "1" },
        });
    }

    public string? Directory { get; }

    public bool Enabled => Directory is not null;

    public void Map(WebApplication app)
    {
        if (Directory is null)
        {
            if (app.Configuration.GetValue<bool>($"{BananaCakePopOptions.Section}:Enabled"))
                app.Logger.LogWarning("Banana Cake Pop is enabled but {Folder} was not found: run 'npm ci'.", PackageFolder);
            return;
        }

        var files = new PhysicalFileProvider(Directory);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            ServeUnknownFileTypes = true,
            DefaultContentType = "text/plain",
            OnPrepareResponse = context =>
            {
                if (context.File.Name is "index.html" or "service-worker.js")
                    context.Context.Response.Headers.CacheControl = "no-cache";
            },
        });

        app.MapGet(Path, async http =>
        {
            if (!(http.Request.Path.Value ?? string.Empty).EndsWith('/'))
            {
                http.Response.Redirect(Path + "/");
                return;
            }

            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.SendFileAsync(files.GetFileInfo("index.html"), http.RequestAborted);
        });

        app.MapGet(Path + "/bcp-config.json", http =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            return http.Response.Body.WriteAsync(_config, http.RequestAborted).AsTask();
        });
    }

    private static string? Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(System.IO.Path.Combine(configured, "index.html")) ? System.IO.Path.GetFullPath(configured) : null;

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = System.IO.Path.Combine(folder.FullName, PackageFolder);
                if (File.Exists(System.IO.Path.Combine(candidate, "index.html")))
                    return candidate;
            }
        }

        return null;
    }
}
