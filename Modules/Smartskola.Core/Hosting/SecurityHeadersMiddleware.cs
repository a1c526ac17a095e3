using Microsoft.AspNetCore.Http;

namespace Smartskola.Core.Hosting;

/// <summary>
/// Strict headers on every response. The CSP allows no inline script or style at all: pages load their scripts
/// and stylesheets from this origin only, and no page may be framed, except by this site's own pages where a page
/// opts in with <see cref="AllowSameOriginFraming"/> (the form designer's phone-sized live preview).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>Set <c>HttpContext.Items[AllowSameOriginFraming] = true</c> to let this site's own pages frame the response.</summary>
    public const string AllowSameOriginFraming = "security.allow-same-origin-framing";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var sameOrigin = context.Items.ContainsKey(AllowSameOriginFraming);
            headers.ContentSecurityPolicy = sameOrigin
                ? ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal)
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = sameOrigin ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
