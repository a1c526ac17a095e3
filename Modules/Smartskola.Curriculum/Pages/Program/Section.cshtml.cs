using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>A section page with the module around it: previous and next section, position in the module.</summary>
[Authorize]
public sealed class SectionModel(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions,
    ReadingProgress progress) : ReadingPage(scopes, renderer, definitions)
{
    public ProgramModule Module { get; private set; } = null!;

    public ProgramSection Section { get; private set; } = null!;

    public RenderedItem Rendered { get; private set; } = null!;

    public int Position { get; private set; }

    public ProgramSection? Previous { get; private set; }

    public ProgramSection? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number, string slug)
    {
        if (await BeginAsync() is { } refused)
        {
            return refused;
        }

        if (Scope.Program.ModuleByNumber(number) is not { } module || !Scope.IsOpen(module)
            || module.Sections.FirstOrDefault(s => s.Slug == slug) is not { } section)
        {
            return NotFound();
        }

        Module = module;
        Section = section;
        var index = module.Sections.ToList().IndexOf(section);
        Position = index + 1;
        Previous = index > 0 ? module.Sections[index - 1] : null;
        Next = index + 1 < module.Sections.Count ? module.Sections[index + 1] : null;
        Rendered = await RenderAsync(section.Item);
        if (!Scope.Preview && !Scope.ReadSectionIds.Contains(section.Id) && User.UserId() is { } userId)
        {
            await progress.MarkReadAsync(userId, section.Id, HttpContext.RequestAborted);
        }

        return Page();
    }
}
