using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>One mindfulness exercise: description, the recording and its transcript.</summary>
[Authorize]
public sealed class ExerciseModel(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions)
    : ReadingPage(scopes, renderer, definitions)
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
}
