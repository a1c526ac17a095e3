using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Enrolment.Invitations;

namespace Smartskola.Enrolment.Pages.Invite;

/// <summary>The page an invitation link opens: the patient chooses how to sign in, once.</summary>
[AllowAnonymous]
public sealed class AcceptModel(InvitationAcceptance acceptance) : PageModel
{
    public string? Problem { get; private set; }

    public string FirstName { get; private set; } = string.Empty;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public string ConfirmPassword { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var (_, patient, problem) = await acceptance.CheckAsync(token, HttpContext.RequestAborted);
        Problem = problem;
        FirstName = patient?.GivenName ?? string.Empty;
        Email = patient?.Email;
        Response.StatusCode = problem switch
        {
            null => StatusCodes.Status200OK,
            InvitationAcceptance.Unknown => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status410Gone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var errors = await acceptance.AcceptAsync(token, Email, Password, ConfirmPassword, HttpContext.RequestAborted);
        if (errors.Count == 0)
        {
            return LocalRedirect("/program");
        }

        var (_, patient, problem) = await acceptance.CheckAsync(token, HttpContext.RequestAborted);
        Problem = problem;
        FirstName = patient?.GivenName ?? string.Empty;
        foreach (var error in errors.Where(e => e != problem))
        {
            ModelState.AddModelError(string.Empty, error);
        }

        Response.StatusCode = problem is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status410Gone;
        return Page();
    }
}
