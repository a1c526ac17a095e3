using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Audit;
using Smartskola.Users.Data;
using Smartskola.Users.Identity;

namespace Smartskola.Users.Pages.Account;

[AllowAnonymous]
public sealed class LoginWithTwoFactorModel(SignInManager<User> signInManager, IAuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Ange koden från din autentiseringsapp.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Koden består av sex siffror.")]
    [Display(Name = "Engångskod")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var entry = new AuditEvent("auth.login.twofactor", "User", user.Id.ToString()) { ActorUserId = user.Id, ActorName = user.DisplayName };
        if (result.Succeeded)
        {
            IdleSessionCookie.Set(Response);
            await audit.WriteAsync(entry);
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(entry with { Action = "auth.lockout", Outcome = AuditOutcome.Denied });
            ModelState.AddModelError(string.Empty, LoginModel.LockedOut);
            return Page();
        }

        await audit.WriteAsync(entry with { Outcome = AuditOutcome.Failed });
        ModelState.AddModelError(string.Empty, "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök igen.");
        return Page();
    }
}
