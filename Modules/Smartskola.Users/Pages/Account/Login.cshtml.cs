using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Audit;
using Smartskola.Users.Identity;

namespace Smartskola.Users.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(PasswordSignIn passwordSignIn, IAuditLog audit) : PageModel
{
    public const string WrongCredentials = "Fel e-postadress eller lösenord.";
    public const string LockedOut =
        "Kontot är låst efter för många misslyckade inloggningsförsök. Försök igen om en stund eller kontakta din vårdenhet.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = IdleSessionCookie.ReasonQuery)]
    public string? Reason { get; set; }

    public string? Notice => Reason switch
    {
        IdleSessionCookie.IdleReason => "Du blev utloggad på grund av inaktivitet.",
        "utloggad" => "Du är utloggad.",
        _ => null,
    };

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Audit entries are written after the sign-in transaction has committed (they use a connection of their own).
        var (user, result) = await passwordSignIn.SignInAsync(Input.Email, Input.Password);
        if (user is null)
        {
            await audit.WriteAsync(new AuditEvent("auth.login", "User") { Outcome = AuditOutcome.Failed });
            ModelState.AddModelError(string.Empty, WrongCredentials);
            return Page();
        }

        var actor = new AuditEvent("auth.login", "User", user.Id.ToString()) { ActorUserId = user.Id, ActorName = user.DisplayName };
        if (result.Succeeded)
        {
            IdleSessionCookie.Set(Response);
            await audit.WriteAsync(actor);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWithTwoFactor", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            var blocked = AccountBlock.IsBlocked(user);
            await audit.WriteAsync(actor with { Action = blocked ? "auth.blocked" : "auth.lockout", Outcome = AuditOutcome.Denied });
            ModelState.AddModelError(string.Empty, blocked ? AccountBlock.Message : LockedOut);
            return Page();
        }

        await audit.WriteAsync(actor with { Outcome = AuditOutcome.Failed });
        ModelState.AddModelError(string.Empty, WrongCredentials);
        return Page();
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Ange din e-postadress.")]
    [EmailAddress(ErrorMessage = "Ange en giltig e-postadress.")]
    [Display(Name = "E-postadress")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Ange ditt lösenord.")]
    [DataType(DataType.Password)]
    [Display(Name = "Lösenord")]
    public string Password { get; set; } = string.Empty;
}
