using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>A private s3rver (the npm package make test installs) that a test can stop and start again.</summary>
public sealed class S3rverProcess : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("friender-s3-").FullName;
    private Process? _process;

    public S3rverProcess()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public int Port { get; }

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), "node_modules", ".bin", "s3rver");
        _process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "--directory", _directory, "--address", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--configure-bucket", "friender-photos", "--silent" },
            Environment = { ["NODE_OPTIONS"] = "--openssl-legacy-provider" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("s3rver did not start");

        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"s3rver did not listen on {Port}");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Friender.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Friender.sln not found above the test binaries.");
    }
}
