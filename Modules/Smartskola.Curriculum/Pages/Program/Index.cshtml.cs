using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>Program home: the modules with their state, the next step, and overall progress.</summary>
[Authorize]
public sealed class IndexModel(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions,
    ReadingActivityNotifier activity)
    : ReadingPage(scopes, renderer, definitions, activity)
{
    public RenderedItem Program { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await BeginAsync() is { } refused)
        {
            return refused;
        }

        Program = await RenderAsync(Scope.Program.Item);
        return Page();
    }

    public static string StateText(ModuleState state) => state switch
    {
        ModuleState.Locked => "Inte öppnad ännu",
        ModuleState.Open => "Öppen",
        ModuleState.InProgress => "Påbörjad",
        _ => "Klar",
    };
}
