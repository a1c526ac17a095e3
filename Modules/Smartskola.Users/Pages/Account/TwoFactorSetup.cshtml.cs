using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Users.Data;

namespace Smartskola.Users.Pages.Account;

/// <summary>Staff set up (or remove) an authenticator app for two-factor sign-in.</summary>
[RequirePermission(CorePermissions.StaffArea)]
public sealed class TwoFactorSetupModel(
    UserManager<User> userManager,
    SignInManager<User> signInManager,
    IAuditLog audit,
    IOptionsSnapshot<SecurityOptions> security,
    IOptionsSnapshot<SiteOptions> site) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Ange koden från din autentiseringsapp.")]
    [Display(Name = "Engångskod")]
    public string Code { get; set; } = string.Empty;

    public bool Enabled { get; private set; }

    public bool Mandatory => security.Value.RequireTwoFactorForStaff;

    public string SharedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (!ModelState.IsValid ||
            !await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Koden stämmer inte. Försök igen med en ny kod från appen.");
            await LoadAsync(user);
            return Page();
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        await signInManager.RefreshSignInAsync(user);
        await audit.WriteAsync(new AuditEvent("auth.twofactor.enabled", "User", user.Id.ToString()));
        StatusMessage = "Tvåstegsverifiering är aktiverad.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (Mandatory)
        {
            StatusMessage = "Tvåstegsverifiering är obligatorisk och kan inte stängas av.";
            return RedirectToPage();
        }

        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        await audit.WriteAsync(new AuditEvent("auth.twofactor.disabled", "User", user.Id.ToString()));
        StatusMessage = "Tvåstegsverifiering är avstängd.";
        return RedirectToPage();
    }

    private async Task LoadAsync(User user)
    {
        Enabled = user.TwoFactorEnabled;
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Creating a key rotates the security stamp; refresh the cookie or the user is signed out a minute later.
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = FormatKey(key!);
        var issuer = Uri.EscapeDataString(site.Value.Name);
        AuthenticatorUri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? user.UserName!)}?secret={key}&issuer={issuer}&digits=6";
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
