using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;

namespace Smartskola.Forms.Citizen;

/// <summary>
/// Spam protection for the public citizen form (no account, no CAPTCHA): a honeypot field people never see, a minimum
/// time between showing the form and sending it (a data-protected timestamp, so it cannot be forged), and a limit per
/// client IP on sent forms. Singleton: the limiter's counts live here.
/// </summary>
public sealed class CitizenGuard(IDataProtectionProvider protection, TimeProvider clock) : IDisposable
{
    /// <summary>The field a bot fills in; hidden from people and from assistive technology.</summary>
    public const string Honeypot = "webbplats";

    public const string StartedField = "startad";

    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(4);

    /// <summary>Forms from one address per window (a family or an office shares an address, so not too strict).</summary>
    public const int PermitsPerWindow = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>The largest post accepted (answers are short texts and codes).</summary>
    public const long MaxRequestBytes = 64 * 1024;

    private readonly IDataProtector _protector = protection.CreateProtector("Smartskola.Forms.Citizen.Started");

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerWindow, Window = Window, QueueLimit = 0,
        }));

    public string Stamp() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether the form was shown by us long enough ago (false for a missing, forged or too fresh stamp).</summary>
    public bool FilledSlowly(string? stamp)
    {
        try
        {
            var ticks = long.Parse(_protector.Unprotect(stamp ?? string.Empty), CultureInfo.InvariantCulture);
            var elapsed = clock.GetUtcNow().UtcTicks - ticks;
            return elapsed >= MinimumFillTime.Ticks && elapsed <= TimeSpan.FromDays(1).Ticks;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Takes one permit for the address; false when it has sent too many forms lately.</summary>
    public bool TryAcquire(string? clientIp)
    {
        using var lease = _limiter.AttemptAcquire(clientIp ?? "okänd");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
