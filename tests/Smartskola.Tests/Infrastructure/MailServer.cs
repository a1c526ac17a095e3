using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace Smartskola.Tests.Infrastructure;

/// <summary>A mail received by <see cref="MailServer"/>.</summary>
public sealed record ReceivedMail(string Id, string From, IReadOnlyList<string> To, string Subject, string Text);

/// <summary>
/// A real SMTP server for the tests: maildev (npm, tests/Smartskola.Tests/Assets) on free loopback ports, read
/// through its REST API. Disposing kills its process tree.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly HttpClient _api;
    private readonly string _folder;

    private MailServer(Process process, int smtpPort, int webPort, string folder)
    {
        _process = process;
        SmtpPort = smtpPort;
        _folder = folder;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Host => "127.0.0.1";

    public int SmtpPort { get; }

    public static async Task<MailServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync();
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // A port picked as free was taken in between: pick new ones.
            }
        }
    }

    private static async Task<MailServer> TryStartAsync()
    {
        int smtp = FreePort(), web = FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "smartskola-tests", "maildev", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { MaildevScript(), "--smtp", $"{smtp}", "--web", $"{web}", "--ip", "127.0.0.1", "--mail-directory", folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MailServer(process, smtp, web, folder);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"maildev exited: {string.Join('\n', output)}");
            }

            if (await server.IsListeningAsync())
            {
                return server;
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"maildev did not listen within {StartTimeout}: {string.Join('\n', output)}");
    }

    /// <summary>Every mail received so far, by recipient address (lower case).</summary>
    public async Task<ILookup<string, ReceivedMail>> AllMessagesAsync()
    {
        var all = await _api.GetFromJsonAsync<List<MaildevEmail>>("email") ?? [];
        return all.SelectMany(m => m.To.Select(t => (To: t.Address.ToLowerInvariant(), Mail: new ReceivedMail(m.Id,
                m.From.FirstOrDefault()?.Address ?? string.Empty, m.To.Select(a => a.Address).ToList(), m.Subject ?? string.Empty,
                (m.Text ?? string.Empty).TrimEnd('\r', '\n')))))
            .ToLookup(p => p.To, p => p.Mail);
    }

    /// <summary>Every mail received so far for <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesToAsync(string address) =>
        (await AllMessagesAsync())[address.ToLowerInvariant()].ToList();

    /// <summary>The first mail for <paramref name="address"/>, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(string address, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if ((await MessagesToAsync(address)) is [var first, ..])
            {
                return first;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail arrived within {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> IsListeningAsync()
    {
        try
        {
            using (var client = new TcpClient())
            {
                await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
            }

            using var response = await _api.GetAsync("email");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is SocketException or HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string MaildevScript()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Smartskola.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Test project folder not found."),
            "Assets", "node_modules", "maildev", "bin", "maildev");
        return File.Exists(path) ? path : throw new FileNotFoundException("maildev is not installed (npm ci in tests/Smartskola.Tests/Assets).", path);
    }

    private sealed record MaildevAddress([property: JsonPropertyName("address")] string Address);

    private sealed record MaildevEmail(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("subject")] string? Subject,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("from")] List<MaildevAddress> From,
        [property: JsonPropertyName("to")] List<MaildevAddress> To);
}
