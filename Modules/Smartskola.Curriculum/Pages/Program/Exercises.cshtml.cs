using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>All mindfulness exercises of the reader's open modules, collected in one place.</summary>
[Authorize]
public sealed class ExercisesModel(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions,
    ReadingActivityNotifier activity)
    : ReadingPage(scopes, renderer, definitions, activity)
{
    public async Task<IActionResult> OnGetAsync() => await BeginAsync() ?? Page();

    /// <summary>The first open module that introduces the exercise.</summary>
    public ProgramModule? IntroducedIn(ProgramExercise exercise) =>
        Scope.OpenModules.FirstOrDefault(m => m.Exercise?.Id == exercise.Id);
}
