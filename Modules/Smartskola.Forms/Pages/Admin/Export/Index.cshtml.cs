using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Forms.Export;

namespace Smartskola.Forms.Pages.Admin.Export;

/// <summary>
/// Export of a template's submitted responses from the user's own units. The form is a GET (the options carry no
/// patient data); <c>?handler=Download</c> streams the file. Another unit's template answers 404.
/// </summary>
[RequirePermission(FormsPermissions.Export)]
public sealed class IndexModel(FormExporter exporter, IAuditLog audit) : PageModel
{
    [FromRoute]
    public string TemplateId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "format")]
    public ExportFormat Format { get; set; } = ExportFormat.CsvSemicolon;

    [BindProperty(SupportsGet = true, Name = "version")]
    public int? Version { get; set; }

    [BindProperty(SupportsGet = true, Name = "fran")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "till")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pseudonym")]
    public bool Pseudonymised { get; set; }

    public ExportTarget? Target { get; private set; }

    public string Title => Target?.Versions.FirstOrDefault()?.Title ?? "Formulär";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Target = await exporter.FindAsync(TemplateId, User, cancellationToken);
        return Target is null ? await RefuseAsync(cancellationToken) : Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        Target = await exporter.FindAsync(TemplateId, User, cancellationToken);
        if (Target is null)
        {
            return await RefuseAsync(cancellationToken);
        }

        if (!ModelState.IsValid || (Version is { } v && Target.Versions.All(t => t.Version != v)) || (From > To)
            || Target.Versions.Count == 0)
        {
            ModelState.AddModelError(string.Empty, Target.Versions.Count == 0
                ? "Mallen har ingen publicerad version att exportera."
                : "Kontrollera valen: versionen finns inte, eller startdatumet är efter slutdatumet.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var unit = User.CareUnitIds().Contains(Target.Template.OwnerUnitId) ? Target.Template.OwnerUnitId : User.CareUnitIds().FirstOrDefault();
        await exporter.ExportAsync(Response, Target, new ExportOptions(Format, Version, From, To, Pseudonymised), unit, cancellationToken);
        return new EmptyResult();
    }

    private async Task<IActionResult> RefuseAsync(CancellationToken cancellationToken)
    {
        await audit.WriteAsync(new AuditEvent(FormExporter.AuditAction, "FormTemplate", TemplateId) { Outcome = AuditOutcome.Denied },
            cancellationToken);
        return NotFound();
    }
}
