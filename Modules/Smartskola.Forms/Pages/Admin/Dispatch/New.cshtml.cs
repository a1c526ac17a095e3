using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Forms.Dispatch;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Pages.Admin.Dispatch;

/// <summary>
/// A new dispatch: the template (usable by the chosen unit), recipients (one patient, a saved list or all active
/// with filters), due date, series and reminders. A clinician in several units first picks the unit (<c>?enhet=</c>).
/// </summary>
[RequirePermission(FormsPermissions.Dispatch)]
public sealed class NewModel(DispatchService dispatches, TemplateUse templates, RecipientLists lists, ICareUnitDirectory unitDirectory,
    IOptions<SiteOptions> site) : PageModel
{
    [BindProperty]
    public DispatchInput Input { get; set; } = new();

    public IReadOnlyList<CareUnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<UsableTemplate> Templates { get; private set; } = [];

    public IReadOnlyList<(Guid EnrolmentId, string Name, string Masked)> Patients { get; private set; } = [];

    public IReadOnlyList<RecipientListView> Lists { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "enhet")] Guid? unit, [FromQuery(Name = "mall")] string? template)
    {
        await LoadUnitsAsync();
        if (Units.Count == 0)
        {
            return NotFound();
        }

        Input.UnitId = unit is { } u && Units.Any(x => x.Id == u) ? u : Units[0].Id;
        Input.TemplateId = template ?? string.Empty;
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadUnitsAsync();
        if (!User.IsMemberOfUnit(Input.UnitId))
        {
            return NotFound();
        }

        ModelState.Clear();
        var result = await dispatches.CreateAsync(User, Input, site.Value.BaseUrl(Request), HttpContext.RequestAborted);
        if (!result.Ok)
        {
            foreach (var (key, message) in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{key}", message);
            }

            await LoadChoicesAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        StatusMessage = result.Recipients == 1 ? "Formuläret är skickat till 1 patient." : $"Formuläret är skickat till {result.Recipients} patienter.";
        return Redirect($"/admin/formular/utskick/{result.DispatchId}");
    }

    private async Task LoadUnitsAsync()
    {
        var mine = User.CareUnitIds();
        Units = (await unitDirectory.ListAsync(HttpContext.RequestAborted)).Where(u => mine.Contains(u.Id)).ToList();
    }

    private async Task LoadChoicesAsync()
    {
        Templates = await templates.UsableByUnitAsync(Input.UnitId, HttpContext.RequestAborted);
        Patients = await dispatches.ActiveEnrolmentsAsync(Input.UnitId, HttpContext.RequestAborted);
        Lists = await lists.ForUnitsAsync([Input.UnitId], HttpContext.RequestAborted);
    }
}
