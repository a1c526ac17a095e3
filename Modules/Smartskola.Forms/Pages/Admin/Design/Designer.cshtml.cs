using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Design;

namespace Smartskola.Forms.Pages.Admin.Design;

/// <summary>
/// The designer: the definition is a JSON document in a hidden field that <c>design/designer.js</c> edits. Saving
/// always makes a new draft version on top of the one loaded (a conflict is a 409); publishing validates first and
/// lists every problem, each linking to its item.
/// </summary>
[RequirePermission(FormsPermissions.Design)]
public sealed class DesignerModel(TemplateDesigner designer) : PageModel
{
    [BindProperty]
    public string Title { get; set; } = string.Empty;

    [BindProperty]
    public string DefinitionJson { get; set; } = "{}";

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Guid RowVersion { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<DefinitionProblem> Problems { get; private set; } = [];

    public DesignedTemplate Template { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(id, overwriteInput: true, cancellationToken);
        }
        catch (DesignException)
        {
            return NotFound();
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await designer.SaveDraftAsync(id, User.CareUnitIds(), Title, DefinitionJson, Version, cancellationToken);
            StatusMessage = "Utkastet är sparat.";
        }, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            // What the designer sees is what is published: save it first (an unchanged save keeps the version).
            var saved = await designer.SaveDraftAsync(id, User.CareUnitIds(), Title, DefinitionJson, Version, cancellationToken);
            Version = saved;
            await designer.PublishAsync(id, User.CareUnitIds(), saved, cancellationToken);
            StatusMessage = $"Version {saved} är publicerad.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await designer.RetireAsync(id, User.CareUnitIds(), RowVersion, cancellationToken);
            StatusMessage = "Mallen är avvecklad och kan inte skickas till fler patienter.";
        }, cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await designer.ReinstateAsync(id, User.CareUnitIds(), RowVersion, cancellationToken);
            StatusMessage = "Mallen används igen.";
        }, cancellationToken);

    private async Task<IActionResult> RunAsync(string id, Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return Redirect($"/admin/formular/{id}");
        }
        catch (DesignException ex) when (ex.Status != 404)
        {
            Error = ex.Message;
            Problems = ex.Problems;
            Response.StatusCode = ex.Status;
            try
            {
                // Keep the designer's unsaved work on screen, unless someone else saved: then show theirs.
                await LoadAsync(id, overwriteInput: ex.Status == 409, cancellationToken);
            }
            catch (DesignException)
            {
                return NotFound();
            }

            return Page();
        }
        catch (DesignException)
        {
            return NotFound();
        }
    }

    private async Task LoadAsync(string id, bool overwriteInput, CancellationToken cancellationToken)
    {
        Template = await designer.LoadAsync(id, User.CareUnitIds(), cancellationToken);
        RowVersion = Template.Template.Version;
        if (overwriteInput)
        {
            Title = Template.Title;
            DefinitionJson = Template.Definition.ToJson();
            Version = Template.LatestVersion;
        }
    }
}
