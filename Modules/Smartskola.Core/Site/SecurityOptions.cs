using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Smartskola.Core.Site;

/// <summary>Bound from the <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    /// <summary>Signed-in users are signed out after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Allow cookies over plain HTTP outside Development (benchmarks on loopback only). Behind a TLS-terminating
    /// proxy, set <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> instead.
    /// </summary>
    public bool AllowHttp { get; set; }

    /// <summary>The Secure flag policy for every cookie the site sets: Secure-only outside Development.</summary>
    public CookieSecurePolicy CookiePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() || AllowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>When true, staff must set up an authenticator app before they can use the site.</summary>
    public bool RequireTwoFactorForStaff { get; set; }
}
