using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Smartskola.Core.Security;
using Smartskola.Core.Site;

namespace Smartskola.Users.Identity;

/// <summary>
/// When two-factor sign-in is mandatory for staff, a staff member without an authenticator can reach only the
/// set-up page (and sign out) until one is set up.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public const string ClaimType = "two_factor";
    public const string SetupPath = "/konto/tvastegsverifiering";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (options.CurrentValue.RequireTwoFactorForStaff
            && user.Identity?.IsAuthenticated == true
            && user.IsStaff()
            && user.FindFirst(ClaimType)?.Value != "true"
            && !context.Request.Path.StartsWithSegments(SetupPath)
            && !context.Request.Path.StartsWithSegments("/logga-ut")
            && !context.Request.Path.StartsWithSegments("/fel"))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
