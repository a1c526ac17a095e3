using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Smartskola.Tests.Notifications;

/// <summary>What the site posted to the gateway (<c>{"to","from","text"}</c>, the HTTP adapter's contract).</summary>
public sealed record ReceivedSms(
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("text")] string Text);

/// <summary>
/// A stand-in SMS gateway: a tiny Kestrel app on a free loopback port that records every POST. The only mock in these
/// tests (a real operator is not reachable from here); <see cref="Failing"/> makes it answer 503.
/// </summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSmsGateway(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedSms> Received { get; } = new();

    public bool Failing { get; set; }

    public string Endpoint { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedSms> To(string mobile) => Received.Where(s => s.To == mobile).ToList();

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "smartskola-tests", "sms-gateway", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeSmsGateway(app);
        app.MapPost("/sms", async (HttpRequest request) =>
        {
            if (gateway.Failing)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var sms = await request.ReadFromJsonAsync<ReceivedSms>();
            gateway.Received.Enqueue(sms!);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Endpoint = $"{address.TrimEnd('/')}/sms";
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
