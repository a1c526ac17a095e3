using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Recipes;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

/// <summary>Exports selected type definitions and items as a recipe file.</summary>
[RequirePermission(ContentPermissions.ImportExport)]
public sealed class ExportModel(ContentDefinitionManager definitions, ContentExporter exporter, IAuditLog audit, TimeProvider clock)
    : PageModel
{
    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync() => Types = await definitions.ListAsync();

    public async Task<IActionResult> OnPostAsync(List<string> definitions, List<string> items, bool recycleBin)
    {
        if (definitions.Count == 0 && items.Count == 0)
        {
            await OnGetAsync();
            ErrorMessage = "Välj minst en innehållstyp eller typ av innehåll att exportera.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var json = await exporter.ExportAsync(new ExportSelection(definitions, items, [], recycleBin));
        await audit.WriteAsync(new AuditEvent("recipe.export", "Recipe"));
        return File(json, "application/json", $"recept-{clock.GetUtcNow():yyyyMMdd-HHmm}.json");
    }
}
