using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;

namespace Smartskola.Dashboard.Pages;

/// <summary>
/// The patient's start page. Staff who land here are sent to their workspace; anyone else signed in without a
/// patient role is refused. (The curriculum module will put the program here.)
/// </summary>
public sealed class IndexModel : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IActionResult OnGet()
    {
        if (User.HasPermission(CorePermissions.StaffArea))
        {
            return Redirect("/admin");
        }

        if (!User.HasPermission(CorePermissions.PatientArea))
        {
            return Forbid();
        }

        Name = User.DisplayName();
        return Page();
    }
}
