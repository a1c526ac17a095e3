using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Forms.Dispatch;

namespace Smartskola.Forms.Pages.Admin.Dispatch;

/// <summary>Saved recipient lists of the clinician's units: create (name + patients of the unit) and delete.</summary>
[RequirePermission(FormsPermissions.Dispatch)]
public sealed class ListsModel(RecipientLists lists, DispatchService dispatches, ICareUnitDirectory unitDirectory) : PageModel
{
    public IReadOnlyList<RecipientListView> Lists { get; private set; } = [];

    public IReadOnlyList<CareUnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<(Guid EnrolmentId, string Name, string Masked)> Patients { get; private set; } = [];

    [BindProperty]
    public Guid UnitId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<Guid> Members { get; set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "enhet")] Guid? unit)
    {
        await LoadAsync(unit);
        return Units.Count == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!User.IsMemberOfUnit(UnitId))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (await lists.CreateAsync(UnitId, Name, Members, HttpContext.RequestAborted) is { } error)
        {
            ModelState.AddModelError(nameof(Name), error);
            await LoadAsync(UnitId);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        StatusMessage = "Listan är sparad.";
        return Redirect($"/admin/formular/mottagarlistor?enhet={UnitId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid listId)
    {
        if (!await lists.DeleteAsync(listId, User.CareUnitIds(), HttpContext.RequestAborted))
        {
            return NotFound();
        }

        StatusMessage = "Listan är borttagen.";
        return Redirect("/admin/formular/mottagarlistor");
    }

    private async Task LoadAsync(Guid? unit)
    {
        var mine = User.CareUnitIds();
        Units = (await unitDirectory.ListAsync(HttpContext.RequestAborted)).Where(u => mine.Contains(u.Id)).ToList();
        if (Units.Count == 0)
        {
            return;
        }

        UnitId = unit is { } u && Units.Any(x => x.Id == u) ? u : Units[0].Id;
        Lists = await lists.ForUnitsAsync([UnitId], HttpContext.RequestAborted);
        Patients = await dispatches.ActiveEnrolmentsAsync(UnitId, HttpContext.RequestAborted);
    }
}
