using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.ReplyTemplates;

namespace Smartskola.Messaging.Pages.Admin;

/// <summary>
/// Svarsmallar: the templates of the user's units (create, change, delete) and the shared ones (read-only). Each
/// change carries the version it started from; someone else's change in between is a 409, not overwritten.
/// </summary>
[RequirePermission(MessagingPermissions.ManageTemplates)]
public sealed class TemplatesModel(ReplyTemplateService templates, ICareUnitDirectory units) : PageModel
{
    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];

    public IReadOnlyList<CareUnitInfo> MyUnits { get; private set; } = [];

    [BindProperty]
    public ReplyTemplateInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>The template a refused change was for (its form shows the errors and what was typed).</summary>
    public Guid? FailedId { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? StatusMessage { get; set; }

    public string UnitName(Guid? id) => id is null ? "Alla enheter (gemensam)" : MyUnits.FirstOrDefault(u => u.Id == id)?.Name ?? "–";

    public bool CanChange(ReplyTemplate template) => template.CareUnitId is { } unit && User.IsMemberOfUnit(unit);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAsync();
        if (MyUnits.Count == 1)
        {
            Input.UnitId = MyUnits[0].Id; // one unit: nothing to choose
        }

        return await DoneAsync(await templates.CreateAsync(User.CareUnitIds(), Input, HttpContext.RequestAborted), null, "Mallen är sparad.");
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id) =>
        await DoneAsync(await templates.UpdateAsync(User.CareUnitIds(), id, Version, Input, HttpContext.RequestAborted), id, "Mallen är ändrad.");

    public async Task<IActionResult> OnPostDeleteAsync(Guid id) =>
        await DoneAsync(await templates.DeleteAsync(User.CareUnitIds(), id, Version, HttpContext.RequestAborted), id, "Mallen är borttagen.");

    private async Task<IActionResult> DoneAsync(TemplateOutcome outcome, Guid? id, string success)
    {
        if (outcome.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        if (outcome.Ok)
        {
            StatusMessage = success;
            return RedirectToPage();
        }

        await LoadAsync();
        FailedId = id ?? Guid.Empty;
        Errors = outcome.Errors;
        Response.StatusCode = outcome.Status;
        return Page();
    }

    private async Task LoadAsync()
    {
        var mine = User.CareUnitIds();
        MyUnits = (await units.ListAsync(HttpContext.RequestAborted)).Where(u => mine.Contains(u.Id)).OrderBy(u => u.Name).ToList();
        Templates = await templates.UsableAsync(mine, HttpContext.RequestAborted);
    }
}
