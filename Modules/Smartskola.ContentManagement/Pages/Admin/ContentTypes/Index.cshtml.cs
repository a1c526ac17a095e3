using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.ContentTypes;

[RequirePermission(ContentPermissions.ManageTypes)]
public sealed class IndexModel(ContentDefinitionManager definitions) : PageModel
{
    private static readonly string[] StarterParts = ["TitlePart", "AutoroutePart", "HtmlBodyPart"];

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public string? DisplayName { get; private set; }

    public string? Name { get; private set; }

    public string? ErrorMessage { get; private set; }

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => Types = await definitions.ListAsync();

    public async Task<IActionResult> OnPostAsync(string? displayName, string? name, List<string> parts)
    {
        (DisplayName, Name) = (displayName?.Trim(), name?.Trim());
        var technical = string.IsNullOrEmpty(Name) ? ContentNames.Suggest(DisplayName ?? string.Empty) : Name;
        if (string.IsNullOrEmpty(DisplayName))
        {
            return await FailAsync("Skriv ett namn på typen.");
        }

        if (await definitions.GetAsync(technical) is not null)
        {
            return await FailAsync($"Det finns redan en typ med det tekniska namnet {technical}.");
        }

        var type = new ContentTypeDefinition
        {
            Name = technical,
            DisplayName = DisplayName,
            Parts = StarterParts.Where(parts.Contains).Select(kind => new ContentPartDefinition { Name = kind, Kind = kind }).ToList(),
        };
        try
        {
            await definitions.SaveAsync(type, expectedRevision: 0);
        }
        catch (ContentOperationException refused)
        {
            return await FailAsync(refused.Message);
        }

        TempData["TypeMessage"] = $"Typen {type.DisplayName} är skapad. Lägg till fler delar och fält nedan.";
        return Redirect($"/admin/innehallstyper/{type.Name}");
    }

    private async Task<IActionResult> FailAsync(string message)
    {
        ErrorMessage = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync();
        return Page();
    }
}
