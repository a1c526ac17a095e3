using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>
/// A section page with the module around it: previous and next section, position in the module. Opening it records
/// the section as opened; "Jag har läst klart" (a form, or the page's script when the reader reaches the end of the
/// text) records it as finished.
/// </summary>
[Authorize]
public sealed class SectionModel(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions,
    ReadingActivityNotifier activity,
    ReadingProgress progress) : ReadingPage(scopes, renderer, definitions, activity)
{
    public ProgramModule Module { get; private set; } = null!;

    public ProgramSection Section { get; private set; } = null!;

    public RenderedItem Rendered { get; private set; } = null!;

    public int Position { get; private set; }

    public ProgramSection? Previous { get; private set; }

    public ProgramSection? Next { get; private set; }

    /// <summary>Where "Jag har läst klart" posts (patients only).</summary>
    public string FinishUrl => $"{Scope.SectionUrl(Module, Section)}?handler=finished";

    public async Task<IActionResult> OnGetAsync(int number, string slug)
    {
        if ((await BeginAsync() ?? Find(number, slug)) is { } refused)
        {
            return refused;
        }

        Rendered = await RenderAsync(Section.Item);
        if (PatientId is { } userId && !Scope.IsOpened(Section)
            && await progress.MarkOpenedAsync(userId, Section.Id, HttpContext.RequestAborted))
        {
            await ReportAsync(new ReadingActivity(userId, ReadingActivityKind.SectionOpened, Section.Id, Module.Id, false));
        }

        return Page();
    }

    /// <summary>
    /// Marks the section finished. A form post goes on to the next section (or the module page) with a message; the
    /// script's post (<c>auto=1</c>) gets 204. Nothing is recorded in the preview, and a locked module's section is 404.
    /// </summary>
    public async Task<IActionResult> OnPostFinishedAsync(int number, string slug)
    {
        if ((await BeginAsync() ?? Find(number, slug)) is { } refused)
        {
            return refused;
        }

        if (PatientId is not { } userId)
        {
            return NotFound();
        }

        var cancel = HttpContext.RequestAborted;
        var first = await progress.MarkFinishedAsync(userId, Section.Id, cancel);
        var finished = first ? (await progress.LoadAsync(userId, cancel)).FinishedSectionIds : Scope.FinishedSectionIds;
        var moduleDone = Module.Sections.All(s => s.Id == Section.Id || finished.Contains(s.Id));
        if (first)
        {
            await ReportAsync(new ReadingActivity(userId, ReadingActivityKind.SectionFinished, Section.Id, Module.Id, moduleDone));
        }

        if (Request.HasFormContentType && Request.Form["auto"] == "1")
        {
            return new NoContentResult();
        }

        StatusMessage = moduleDone && first
            ? $"Bra jobbat! Du har läst klart alla avsnitt i modul {Module.Number}."
            : $"Avsnittet ”{Section.Title}” är markerat som läst.";
        return Redirect(Next is { } next ? Scope.SectionUrl(Module, next) : Scope.ModuleUrl(Module));
    }

    /// <summary>Finds the section in an open module, or says 404 (a locked module's section is not there for this reader).</summary>
    private NotFoundResult? Find(int number, string slug)
    {
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
        return null;
    }
}
