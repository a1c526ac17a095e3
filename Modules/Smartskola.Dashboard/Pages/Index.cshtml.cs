using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;

namespace Smartskola.Dashboard.Pages;

/// <summary>
/// The site's front door after sign-in: staff go to their workspace, patients to their program at <c>/program</c>
/// (the curriculum module); anyone else signed in without a patient role is refused.
/// </summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.HasPermission(CorePermissions.StaffArea) ? Redirect("/admin")
        : User.HasPermission(CorePermissions.PatientArea) ? Redirect("/program")
        : Forbid();
}
