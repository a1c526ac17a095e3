using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>A module: introduction, its sections, its mindfulness exercise, earlier exercises and "Kom ihåg".</summary>
[Authorize]
public sealed class ModuleModel(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions,
    ReadingActivityNotifier activity,
    Tasks.IPatientTasks tasks) : ReadingPage(scopes, renderer, definitions, activity)
{
    public ProgramModule Module { get; private set; } = null!;

    public RenderedItem Rendered { get; private set; } = null!;

    public RenderedItem? Exercise { get; private set; }

    public IReadOnlyList<ProgramExercise> Earlier { get; private set; } = [];

    /// <summary>The module's forms, in the editor's order (linked and with their state when the forms module is on).</summary>
    public IReadOnlyList<Tasks.PatientTask> Forms { get; private set; } = [];

    /// <summary>"Mina svar" on the program's last module (the summary module), null elsewhere and in the preview.</summary>
    public Tasks.PatientTask? AnswersLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number)
    {
        if (await BeginAsync() is { } refused)
        {
            return refused;
        }

        // A locked module is not there for this reader: same answer as one that does not exist.
        if (Scope.Program.ModuleByNumber(number) is not { } module || !Scope.IsOpen(module))
        {
            return NotFound();
        }

        Module = module;
        Rendered = await RenderAsync(module.Item);
        Exercise = module.Exercise is { } exercise ? await RenderAsync(exercise.Item) : null;
        Earlier = Scope.EarlierExercises(module);
        AnswersLink = !Scope.Preview && module.Number == Scope.Program.Modules.Max(m => m.Number) ? tasks.AnswersLink : null;
        Forms = module.FormIds.Count == 0 ? [] : await tasks.ForModuleAsync(module.Id, module.FormIds, Scope.Preview, HttpContext.RequestAborted);
        return Page();
    }
}
