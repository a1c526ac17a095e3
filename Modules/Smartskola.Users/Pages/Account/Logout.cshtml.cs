using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Audit;
using Smartskola.Users.Data;
using Smartskola.Users.Identity;

namespace Smartskola.Users.Pages.Account;

/// <summary>Signing out is a POST (with anti-forgery); a GET only shows the button.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<User> signInManager, IAuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(new AuditEvent("auth.logout", "User", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value));
            await signInManager.SignOutAsync();
        }

        IdleSessionCookie.Clear(Response);
        return RedirectToPage("/Account/Login", new { orsak = "utloggad" });
    }
}
