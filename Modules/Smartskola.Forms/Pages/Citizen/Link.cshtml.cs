using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Forms.Citizen;
using Smartskola.Forms.Data;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Pages.Citizen;

/// <summary>
/// The owning unit's designer turns a template's public citizen link on (a new random token) or off. Another unit's
/// template answers 404; a change made meanwhile by someone else answers 409 and is not overwritten.
/// </summary>
[RequirePermission(FormsPermissions.Design)]
public sealed class LinkModel(FormsDbContext db, FormTemplateStore store, IAuditLog audit, IOptions<SiteOptions> site) : PageModel
{
    public const string AuditAction = "forms.citizenlink";

    [FromRoute]
    public string TemplateId { get; set; } = string.Empty;

    [BindProperty]
    public Guid RowVersion { get; set; }

    public FormTemplate? Template { get; private set; }

    public TemplateVersion? Published { get; private set; }

    public string? Link => Template?.CitizenLinkToken is { } token ? $"{site.Value.BaseUrl(Request)}/formular/{token}" : null;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) => ChangeAsync(true, cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) => ChangeAsync(false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(bool enable, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (enable && Published is null)
        {
            Problem = "Mallen har ingen publicerad version. Publicera den först.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var row = await db.Templates.FirstAsync(t => t.ContentItemId == TemplateId, cancellationToken);
        if (row.Version != RowVersion)
        {
            Problem = "Någon annan ändrade mallen medan du arbetade. Sidan visar nu det som gäller; gör om ändringen om den behövs.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        row.CitizenLinkToken = enable ? CitizenForms.NewToken() : null;
        row.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            Problem = "Någon annan ändrade mallen medan du arbetade. Sidan visar nu det som gäller; gör om ändringen om den behövs.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await audit.WriteAsync(new AuditEvent(AuditAction, "FormTemplate", $"{TemplateId};{(enable ? "på" : "av")}") { UnitId = row.OwnerUnitId },
            cancellationToken);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Template = await store.GetTemplateAsync(TemplateId, cancellationToken);
        if (Template is null || !User.IsMemberOfUnit(Template.OwnerUnitId))
        {
            return false;
        }

        RowVersion = Template.Version;
        Published = await store.GetNewestPublishedAsync(TemplateId, cancellationToken);
        return true;
    }
}
