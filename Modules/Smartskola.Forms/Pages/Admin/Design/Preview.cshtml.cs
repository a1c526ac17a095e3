using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Hosting;
using Smartskola.Core.Security;
using Smartskola.Forms.Answering;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Design;

namespace Smartskola.Forms.Pages.Admin.Design;

/// <summary>
/// The designer's live preview, framed by the designer page: the latest draft (GET) or the designer's unsaved JSON
/// (POST, nothing stored) rendered with the shared form partial as the patient would see it.
/// </summary>
[RequirePermission(FormsPermissions.Design)]
public sealed class PreviewModel(TemplateDesigner designer) : PageModel
{
    [BindProperty]
    public string? DefinitionJson { get; set; }

    public FormFieldsView View { get; private set; } = null!;

    public string Title { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await RenderAsync(id, null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken) =>
        await RenderAsync(id, DefinitionJson, cancellationToken);

    private async Task<IActionResult> RenderAsync(string id, string? json, CancellationToken cancellationToken)
    {
        DesignedTemplate template;
        try
        {
            template = await designer.LoadAsync(id, User.CareUnitIds(), cancellationToken);
        }
        catch (DesignException)
        {
            return NotFound();
        }

        Title = template.Title;
        var definition = template.Definition;
        if (json is not null)
        {
            try
            {
                definition = TemplateDesigner.Parse(json);
            }
            catch (DesignException ex)
            {
                Error = ex.Message;
                Response.StatusCode = 400;
            }
        }

        HttpContext.Items[SecurityHeadersMiddleware.AllowSameOriginFraming] = true;
        View = new FormFieldsView(definition, new FormAnswers(), new Dictionary<string, string>());
        return Page();
    }
}
