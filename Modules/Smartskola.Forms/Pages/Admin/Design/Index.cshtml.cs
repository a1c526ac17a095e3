using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Forms.Data;
using Smartskola.Forms.Design;

namespace Smartskola.Forms.Pages.Admin.Design;

/// <summary>
/// The form designer's start: the own units' templates with their status, templates other units share (subscribe or
/// copy) and the units' subscriptions.
/// </summary>
[RequirePermission(FormsPermissions.Design)]
public sealed class IndexModel(TemplateDesigner designer, ICareUnitDirectory directory) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<DesignedTemplate> Own { get; private set; } = [];

    public IReadOnlyList<UnitShared> Shared { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();

    public sealed record UnitShared(Guid UnitId, FormTemplate Template, string Title, bool Subscribed);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostSubscribeAsync(string id, Guid unit, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await designer.SubscribeAsync(id, unit, User.CareUnitIds(), User.UserId() ?? Guid.Empty, cancellationToken);
            StatusMessage = "Enheten prenumererar nu på mallen och använder alltid dess senaste publicerade version.";
            return RedirectToPage();
        }, cancellationToken);

    public Task<IActionResult> OnPostUnsubscribeAsync(string id, Guid unit, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await designer.UnsubscribeAsync(id, unit, User.CareUnitIds(), cancellationToken);
            StatusMessage = "Prenumerationen är avslutad.";
            return RedirectToPage();
        }, cancellationToken);

    public Task<IActionResult> OnPostCopyAsync(string id, Guid unit, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var copy = await designer.CopyAsync(id, unit, User.CareUnitIds(), cancellationToken: cancellationToken);
            StatusMessage = "Mallen är kopierad till din vårdenhet som ett utkast.";
            return Redirect($"/admin/formular/{copy}");
        }, cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (DesignException ex) when (ex.Status != 404)
        {
            Error = ex.Message;
            Response.StatusCode = ex.Status;
            await LoadAsync(cancellationToken);
            return Page();
        }
        catch (DesignException)
        {
            return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var units = User.CareUnitIds();
        UnitNames = (await directory.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        Own = await designer.OwnAsync(units, cancellationToken);
        var shared = new List<UnitShared>();
        foreach (var unit in units)
        {
            shared.AddRange((await designer.SharedWithAsync(unit, cancellationToken))
                .Select(s => new UnitShared(unit, s.Template, s.Title, s.Subscribed)));
        }

        Shared = shared;
    }

    public string UnitName(Guid id) => UnitNames.TryGetValue(id, out var name) ? name : "Okänd vårdenhet";
}
