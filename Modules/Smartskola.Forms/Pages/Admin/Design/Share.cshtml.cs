using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Forms.Data;
using Smartskola.Forms.Design;

namespace Smartskola.Forms.Pages.Admin.Design;

/// <summary>Who else may use a template: nobody, chosen units or all units. Owner unit's designers only.</summary>
[RequirePermission(FormsPermissions.Design)]
public sealed class ShareModel(TemplateDesigner designer, ICareUnitDirectory directory) : PageModel
{
    [BindProperty]
    public SharingScope Scope { get; set; }

    [BindProperty]
    public List<Guid> ChosenUnits { get; set; } = [];

    [BindProperty]
    public Guid RowVersion { get; set; }

    public string? Error { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public DesignedTemplate Template { get; private set; } = null!;

    public IReadOnlyList<CareUnitInfo> OtherUnits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Scope = Template.Template.Scope;
        ChosenUnits = (await designer.SharedUnitsAsync(id, cancellationToken)).ToList();
        RowVersion = Template.Template.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await designer.ShareAsync(id, User.CareUnitIds(), Scope, ChosenUnits, RowVersion, cancellationToken);
            StatusMessage = "Delningen är sparad.";
            return Redirect($"/admin/formular/{id}/dela");
        }
        catch (DesignException ex) when (ex.Status != 404)
        {
            Error = ex.Message;
            Response.StatusCode = ex.Status;
            return Page();
        }
        catch (DesignException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            Template = await designer.LoadAsync(id, User.CareUnitIds(), cancellationToken);
        }
        catch (DesignException)
        {
            return false;
        }

        OtherUnits = (await directory.ListAsync(cancellationToken)).Where(u => u.Id != Template.Template.OwnerUnitId).ToList();
        return true;
    }
}
