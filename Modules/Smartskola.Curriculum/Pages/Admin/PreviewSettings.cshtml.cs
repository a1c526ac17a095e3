using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Admin;

/// <summary>Choose what the preview shows: which modules are open, and drafts or published versions.</summary>
[RequirePermission(CurriculumPermissions.Preview)]
public sealed class PreviewSettingsModel(CurriculumLoader loader) : PageModel
{
    public CurriculumProgram? Program { get; private set; }

    public PreviewSettings Settings { get; private set; } = new(null, true);

    public async Task<IActionResult> OnGetAsync()
    {
        Program = await loader.LoadAsync(latest: true, HttpContext.RequestAborted);
        Settings = PreviewSettings.From(Request.Query);
        return Page();
    }
}
