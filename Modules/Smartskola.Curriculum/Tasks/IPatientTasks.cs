namespace Smartskola.Curriculum.Tasks;

/// <summary>Something for the patient to do: a form to fill in, with where to do it and how far they have come.</summary>
/// <param name="Url">Null when it cannot be opened here (the editor's preview, or no forms module).</param>
/// <param name="Status">"Inte påbörjat", "Påbörjat", "Skickat 23 nov" …</param>
public sealed record PatientTask(string Title, string? Url, string? Status, DateOnly? DueOn = null, bool Done = false);

/// <summary>
/// What other modules give the patient to do. The forms module implements it: the forms of a module on the module's
/// page, and its dispatched forms in "Att göra" on the program home. Without it, module forms are listed by title.
/// </summary>
public interface IPatientTasks
{
    /// <param name="formIds">The module's <c>Formular</c> picks, in the editor's order.</param>
    /// <param name="preview">The editor's preview: list titles only, record nothing.</param>
    Task<IReadOnlyList<PatientTask>> ForModuleAsync(string moduleItemId, IReadOnlyList<string> formIds, bool preview,
        CancellationToken cancellationToken = default);

    /// <summary>Open tasks for the signed-in patient ("Att göra"), soonest due first.</summary>
    Task<IReadOnlyList<PatientTask>> TodoAsync(CancellationToken cancellationToken = default);

    /// <summary>The page with all the patient's answers ("Mina svar"), linked from the program home and the last module.</summary>
    PatientTask? AnswersLink => null;
}

/// <summary>The default without a forms module: module forms by their published title, nothing to do.</summary>
public sealed class TitlesOnlyTasks(Smartskola.ContentManagement.Items.ContentQuery query) : IPatientTasks
{
    public async Task<IReadOnlyList<PatientTask>> ForModuleAsync(string moduleItemId, IReadOnlyList<string> formIds, bool preview,
        CancellationToken cancellationToken = default) =>
        formIds.Count == 0 ? [] : (await query.PublishedLinksAsync(formIds)).Select(f => new PatientTask(f.Title, null, null)).ToList();

    public Task<IReadOnlyList<PatientTask>> TodoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PatientTask>>([]);
}
