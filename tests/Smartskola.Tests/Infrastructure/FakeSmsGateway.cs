using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Smartskola.Tests.Infrastructure;

public sealed record ReceivedSms(string To, string From, string Text, string? Authorization);

/// <summary>
/// The SMS gateway boundary we cannot run here: a small HTTP server speaking the contract of
/// <c>HttpSmsGateway</c> (POST JSON <c>{to, from, text}</c>), recording what it accepts. <see cref="FailWith"/> makes
/// it answer an error instead, like a gateway that is down.
/// </summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSms> _received = new();
    private volatile int _failWith;

    private FakeSmsGateway(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedSms> Received => _received.ToList();

    public IReadOnlyList<ReceivedSms> To(string mobile) => _received.Where(s => s.To == mobile).ToList();

    /// <summary>Answer every request with <paramref name="statusCode"/> (e.g. 503); 0 accepts again.</summary>
    public void FailWith(int statusCode) => _failWith = statusCode;

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeSmsGateway(app);
        app.MapPost("/sms", async (HttpContext context) =>
        {
            if (gateway._failWith != 0)
            {
                return Results.StatusCode(gateway._failWith);
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            gateway._received.Enqueue(new ReceivedSms(root.GetProperty("to").GetString() ?? string.Empty,
                root.GetProperty("from").GetString() ?? string.Empty, root.GetProperty("text").GetString() ?? string.Empty,
                context.Request.Headers.Authorization.ToString()));
            return Results.Accepted();
        });
        await app.StartAsync();
        gateway.Endpoint = app.Urls.First().TrimEnd('/') + "/sms";
        return gateway;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
