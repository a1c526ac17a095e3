using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>
/// One mindfulness exercise: description, the recording and its transcript. The patient theme's audio player posts
/// "played" here the first time the recording starts on a page (the exercise page or its module's page).
/// </summary>
[Authorize]
public sealed class ExerciseModel(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions,
    ReadingActivityNotifier activity, ReadingProgress progress)
    : ReadingPage(scopes, renderer, definitions, activity)
{
    public ProgramExercise Exercise { get; private set; } = null!;

    public RenderedItem Rendered { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await BeginAsync() is { } refused)
        {
            return refused;
        }

        // Only exercises of open modules: a locked module's exercise is not there yet for this reader.
        if (Scope.UnlockedExercises.FirstOrDefault(e => e.Slug == slug) is not { } exercise)
        {
            return NotFound();
        }

        Exercise = exercise;
        Rendered = await RenderAsync(exercise.Item);
        return Page();
    }

    /// <summary>Counts a play of the recording: 204, or 404 in the preview and for an exercise not open to this reader.</summary>
    public async Task<IActionResult> OnPostPlayedAsync(string slug)
    {
        if (await BeginAsync() is { } refused)
        {
            return refused;
        }

        if (PatientId is not { } userId || Scope.UnlockedExercises.FirstOrDefault(e => e.Slug == slug) is not { } exercise)
        {
            return NotFound();
        }

        await progress.RecordPlayAsync(userId, exercise.Id, HttpContext.RequestAborted);
        var module = Scope.OpenModules.FirstOrDefault(m => m.Exercise?.Id == exercise.Id);
        await ReportAsync(new ReadingActivity(userId, ReadingActivityKind.ExercisePlayed, exercise.Id, module?.Id, false));
        return new NoContentResult();
    }
}
