using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Forms.FollowUp;

namespace Smartskola.Forms.Pages.Admin.Dispatch;

/// <summary>The dispatches of the clinician's units, newest first, with how many have answered.</summary>
[RequirePermission(FormsPermissions.Dispatch)]
public sealed class IndexModel(FollowUpService followUp) : PageModel
{
    public IReadOnlyList<DispatchSummary> Dispatches { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => Dispatches = await followUp.ListAsync(User.CareUnitIds(), HttpContext.RequestAborted);
}
