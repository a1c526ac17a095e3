using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Smartskola.Users.Identity;

/// <summary>
/// Tells "signed out for inactivity" apart from "never signed in": a session-only marker cookie lives beside the
/// auth cookie. If the auth ticket has expired but the marker is still there, the login page says why.
/// </summary>
public static class IdleSessionCookie
{
    public const string Name = "ss.session";
    public const string ReasonQuery = "orsak";
    public const string IdleReason = "inaktivitet";

    public static void Set(HttpResponse response) =>
        response.Cookies.Append(Name, "1", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
        });

    public static void Clear(HttpResponse response) => response.Cookies.Delete(Name);

    public static Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = context.RedirectUri;
        if (context.Request.Cookies.ContainsKey(Name))
        {
            Clear(context.Response);
            target += (target.Contains('?') ? "&" : "?") + $"{ReasonQuery}={IdleReason}";
        }

        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    /// <summary>Forbidden is a 403 with the Swedish error page, not a redirect that would look like success.</summary>
    public static Task Forbid(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") ||
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
