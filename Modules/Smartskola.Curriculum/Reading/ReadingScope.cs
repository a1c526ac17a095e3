using Smartskola.Curriculum.Access;
using Smartskola.Curriculum.Progress;

namespace Smartskola.Curriculum.Reading;

public enum ModuleState
{
    Locked,
    Open,
    InProgress,
    Done,
}

/// <summary>
/// What one reader sees of the program: which modules are open, which sections they have opened and finished, and where the
/// pages live (the patient's <c>/program</c>, or an editor's preview with its settings carried in the query).
/// </summary>
public sealed class ReadingScope(CurriculumProgram program, ReaderAccess access,
    ReaderProgress progress, bool preview, string basePath, string query)
{
    public CurriculumProgram Program { get; } = program;

    public ReaderAccess Access { get; } = access;

    /// <summary>When a closed module opens, if its day is known.</summary>
    public DateOnly? OpensOn(ProgramModule module) => Access.OpensOn.TryGetValue(module.Id, out var day) ? day : null;

    public bool Preview { get; } = preview;

    /// <summary>Sections the reader has opened (finished ones included).</summary>
    public IReadOnlySet<string> OpenedSectionIds { get; } = progress.OpenedSectionIds;

    /// <summary>Sections the reader has finished: reached the end of, or marked as read.</summary>
    public IReadOnlySet<string> FinishedSectionIds { get; } = progress.FinishedSectionIds;

    public bool IsFinished(ProgramSection section) => FinishedSectionIds.Contains(section.Id);

    public bool IsOpened(ProgramSection section) => OpenedSectionIds.Contains(section.Id) || IsFinished(section);

    public IReadOnlyList<ProgramModule> OpenModules { get; } =
        program.Modules.Where(m => access.OpenModuleIds.Contains(m.Id)).ToList();

    public bool IsOpen(ProgramModule module) => OpenModules.Contains(module);

    /// <summary>Done when every section is finished (not merely opened); in progress when any is opened.</summary>
    public ModuleState State(ProgramModule module) =>
        !IsOpen(module) ? ModuleState.Locked
        : module.Sections.Count > 0 && module.Sections.All(IsFinished) ? ModuleState.Done
        : module.Sections.Any(IsOpened) ? ModuleState.InProgress
        : ModuleState.Open;

    public int OpenSectionCount => OpenModules.Sum(m => m.Sections.Count);

    /// <summary>Finished sections of open modules: what the progress bar counts.</summary>
    public int FinishedSectionCount => OpenModules.Sum(m => m.Sections.Count(IsFinished));

    /// <summary>Exercises of open modules, in module order, each once.</summary>
    public IReadOnlyList<ProgramExercise> UnlockedExercises =>
        OpenModules.Select(m => m.Exercise).OfType<ProgramExercise>().DistinctBy(e => e.Id).ToList();

    /// <summary>Exercises introduced in open modules before <paramref name="module"/> (not its own).</summary>
    public IReadOnlyList<ProgramExercise> EarlierExercises(ProgramModule module) =>
        OpenModules.Where(m => m.Number < module.Number).Select(m => m.Exercise).OfType<ProgramExercise>()
            .Where(e => e.Id != module.Exercise?.Id).DistinctBy(e => e.Id).ToList();

    /// <summary>Every item this reader may see: the program, open modules, their sections and unlocked exercises.</summary>
    public IReadOnlySet<string> VisibleItemIds =>
        new[] { Program.Item.ContentItemId }
            .Concat(OpenModules.SelectMany(m => m.Sections.Select(s => s.Id).Prepend(m.Id)))
            .Concat(UnlockedExercises.Select(e => e.Id)).ToHashSet();

    /// <summary>The first unfinished section of the earliest open module that is not done.</summary>
    public (ProgramModule Module, ProgramSection Section)? NextStep =>
        OpenModules.SelectMany(m => m.Sections.Select(s => (m, s))).Where(p => !IsFinished(p.s))
            .Select(p => ((ProgramModule, ProgramSection)?)(p.m, p.s)).FirstOrDefault();

    /// <summary>Where an item of the program is read and what to call that place, or null if it is not part of it.</summary>
    public (string Url, string Where)? Locate(string contentItemId)
    {
        if (Program.Item.ContentItemId == contentItemId)
        {
            return (HomeUrl, "Programmet");
        }

        if (Program.Modules.FirstOrDefault(m => m.Id == contentItemId) is { } module)
        {
            return (ModuleUrl(module), $"Modul {module.Number}");
        }

        if (Program.FindSection(contentItemId) is { } found)
        {
            return (SectionUrl(found.Module, found.Section), $"Modul {found.Module.Number}: {found.Module.Title}");
        }

        return Program.Exercises.TryGetValue(contentItemId, out var exercise) ? (ExerciseUrl(exercise), "Mindfulnessövning") : null;
    }

    public string HomeUrl => basePath + query;

    public string ModuleUrl(ProgramModule module) => $"{basePath}/modul/{module.Number}{query}";

    public string SectionUrl(ProgramModule module, ProgramSection section) =>
        $"{basePath}/modul/{module.Number}/{section.Slug}{query}";

    public string ExercisesUrl => $"{basePath}/ovningar{query}";

    public string ExerciseUrl(ProgramExercise exercise) => $"{basePath}/ovningar/{exercise.Slug}{query}";

    public string SearchUrl => $"{basePath}/sok";

    /// <summary>The preview settings as hidden form fields' values (so the search form keeps them).</summary>
    public string Query => query;
}
