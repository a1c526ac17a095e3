using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Smartskola.Core.Mail;

/// <summary>Bound from the <c>Sms</c> section: the HTTP gateway that sends SMS for us.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>The gateway's send URL. Empty: SMS stay queued (nothing is sent, nothing is lost).</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The sender name the patient sees (alphanumeric, at most 11 characters at most operators).</summary>
    public string Sender { get; set; } = "Smartskola";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}

/// <summary>Sends one SMS; throws <see cref="SmsGatewayException"/> (or an <see cref="HttpRequestException"/>) when it was not accepted.</summary>
public interface ISmsGateway
{
    bool IsConfigured { get; }

    Task SendAsync(string mobile, string text, CancellationToken cancellationToken);
}

/// <summary>The gateway answered, but not with success.</summary>
public sealed class SmsGatewayException(int statusCode) : Exception($"The SMS gateway answered {statusCode}.")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// A generic HTTP gateway adapter: <c>POST {Endpoint}</c> with <c>{"to","from","text"}</c> as JSON; any 2xx answer
/// means accepted. Gateways with another contract get an adapter of their own behind <see cref="ISmsGateway"/>.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, IOptions<SmsOptions> options) : ISmsGateway
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(string mobile, string text, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Endpoint)
        {
            Content = JsonContent.Create(new { to = mobile, from = o.Sender, text }),
        };
        if (!string.IsNullOrEmpty(o.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new SmsGatewayException((int)response.StatusCode);
        }
    }
}
