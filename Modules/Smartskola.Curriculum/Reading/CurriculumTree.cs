using Smartskola.ContentManagement.Items;

namespace Smartskola.Curriculum.Reading;

/// <summary>The program as one structure: its modules in order, each with its sections in order.</summary>
public sealed record CurriculumProgram(ContentItem Item, string Title, IReadOnlyList<ProgramModule> Modules,
    IReadOnlyDictionary<string, ProgramExercise> Exercises)
{
    /// <summary>The program's recommended length in days (its <c>RekommenderadLangd</c>), 365 when it has none.</summary>
    public int RecommendedDays =>
        Item.Element(CurriculumTypes.Program, CurriculumTypes.LengthField)?["value"] is System.Text.Json.Nodes.JsonValue value
        && value.TryGetValue<decimal>(out var days) && days is >= 1 and <= 3650 ? (int)days : 365;

    public ProgramModule? ModuleByNumber(int number) => Modules.FirstOrDefault(m => m.Number == number);

    /// <summary>The module a section belongs to, and the section.</summary>
    public (ProgramModule Module, ProgramSection Section)? FindSection(string sectionId) =>
        Modules.SelectMany(m => m.Sections.Select(s => (m, s))).Where(p => p.s.Item.ContentItemId == sectionId)
            .Select(p => ((ProgramModule, ProgramSection)?)(p.m, p.s)).FirstOrDefault();
}

public sealed record ProgramModule(ContentItem Item, int Number, string Title, IReadOnlyList<ProgramSection> Sections,
    ProgramExercise? Exercise, IReadOnlyList<string> FormIds)
{
    public string Id => Item.ContentItemId;
}

public sealed record ProgramSection(ContentItem Item, string Title, string Slug, bool PatientStory)
{
    public string Id => Item.ContentItemId;
}

public sealed record ProgramExercise(ContentItem Item, string Title, string Slug)
{
    public string Id => Item.ContentItemId;
}
