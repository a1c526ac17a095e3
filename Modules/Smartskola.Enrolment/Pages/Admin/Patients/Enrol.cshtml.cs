using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Accounts;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Enrolments;
using Smartskola.Enrolment.Workspace;

namespace Smartskola.Enrolment.Pages.Admin.Patients;

[RequirePermission(EnrolmentPermissions.ManagePatients)]
public sealed class EnrolModel(Microsoft.Extensions.Options.IOptions<SiteOptions> site, EnrolmentService enrolments, IStaffDirectory staff, ICareUnitDirectory units, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EnrolInput Input { get; set; } = new();

    public IReadOnlyList<CareUnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<(StaffMember Clinician, CareUnitInfo Unit)> Clinicians { get; private set; } = [];

    public EnrolmentService.Enrolled? Done { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadChoicesAsync();
        Input.StartDate = SwedishTime.Today(clock);
        Input.CareUnitId = Units.FirstOrDefault()?.Id ?? Guid.Empty;
        Input.ClinicianId = User.UserId() ?? Guid.Empty;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var baseUrl = site.Value.BaseUrl(Request);
        if (!ModelState.IsValid)
        {
            // A value that could not be read (a date or number typed wrong) is reported, never replaced by a default.
            await LoadChoicesAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var (done, outcome) = await enrolments.EnrolAsync(Input, User, baseUrl, HttpContext.RequestAborted);
        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? string.Empty : $"{nameof(Input)}.{field}", message);
        }

        await LoadChoicesAsync();
        if (done is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Done = done;
        return Page();
    }

    private async Task LoadChoicesAsync()
    {
        var mine = User.CareUnitIds();
        Units = (await units.ListAsync()).Where(u => mine.Contains(u.Id)).OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
        Clinicians = await staff.ListAsync(Units);
    }
}
