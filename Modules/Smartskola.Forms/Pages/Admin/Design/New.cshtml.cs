using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Forms.Design;

namespace Smartskola.Forms.Pages.Admin.Design;

/// <summary>A new template: its title and, for a designer in several units, the owning unit.</summary>
[RequirePermission(FormsPermissions.Design)]
public sealed class NewModel(TemplateDesigner designer, ICareUnitDirectory directory) : PageModel
{
    [BindProperty]
    public string Title { get; set; } = string.Empty;

    [BindProperty]
    public Guid? UnitId { get; set; }

    public IReadOnlyList<CareUnitInfo> Units { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var unit = UnitId ?? (Units.Count == 1 ? Units[0].Id : Guid.Empty);
        try
        {
            var id = await designer.CreateAsync(unit, User.CareUnitIds(), Title, cancellationToken: cancellationToken);
            return Redirect($"/admin/formular/{id}");
        }
        catch (DesignException ex)
        {
            Error = ex.Status == 404 ? "Välj en av dina vårdenheter." : ex.Message;
            Response.StatusCode = 422;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var mine = User.CareUnitIds();
        Units = (await directory.ListAsync(cancellationToken)).Where(u => mine.Contains(u.Id)).ToList();
    }
}
