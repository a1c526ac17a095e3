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
    ReadingActivityNotifier activity, Tasks.IPatientTasks tasks)
    : ReadingPage(scopes, renderer, definitions, activity)
{
    public RenderedItem Program { get; private set; } = null!;

    /// <summary>"Att göra": forms sent to the patient (empty in the editor's preview).</summary>
    public IReadOnlyList<Tasks.PatientTask> Todo { get; private set; } = [];

    /// <summary>"Mina svar" (null without the forms module, and in the preview).</summary>
    public Tasks.PatientTask? AnswersLink { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await BeginAsync() is { } refused)
        {
            return refused;
        }

        Program = await RenderAsync(Scope.Program.Item);
        Todo = Scope.Preview ? [] : await tasks.TodoAsync(HttpContext.RequestAborted);
        AnswersLink = Scope.Preview ? null : tasks.AnswersLink;
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
