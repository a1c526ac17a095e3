using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Smartskola.ContentManagement.Fields;
using Smartskola.ContentManagement.Items;
using Smartskola.ContentManagement.Parts;

namespace Smartskola.Curriculum.Reading;

/// <summary>
/// Builds <see cref="CurriculumProgram"/> from content items in two queries: either what patients may see (the
/// published versions) or what editors are working on (the latest versions). Modules are ordered by their number,
/// sections by their place in the module's list.
/// </summary>
/// <remarks>
/// Every patient page needs the published program, so it is kept in memory for <see cref="CacheLifetime"/> and
/// dropped at once when curriculum content changes on this instance (<see cref="CurriculumCacheHandler"/>); other
/// instances catch up within the lifetime. Drafts (previews) are read fresh every time.
/// </remarks>
public sealed class CurriculumLoader(ContentSet contentSet, IMemoryCache cache)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private const string PublishedKey = "curriculum:published";

    private readonly Dictionary<bool, CurriculumProgram?> _loaded = [];

    public async Task<CurriculumProgram?> LoadAsync(bool latest, CancellationToken cancellationToken = default)
    {
        if (_loaded.TryGetValue(latest, out var loaded))
        {
            return loaded;
        }

        if (!latest && cache.TryGetValue(PublishedKey, out CurriculumProgram? cached))
        {
            return _loaded[latest] = cached;
        }

        var items = await contentSet.LoadAsync(CurriculumTypes.All, latest, cancellationToken);
        var program = Build(items);
        if (!latest)
        {
            // Shared between requests from now on: the items are read-only from here (reading JSON nodes from
            // several threads is safe; changing them is not). Display drivers only read.
            cache.Set(PublishedKey, program, CacheLifetime);
        }

        return _loaded[latest] = program;
    }

    /// <summary>Drops the shared copy of the published program (after a change to curriculum content).</summary>
    public static void Forget(IMemoryCache cache) => cache.Remove(PublishedKey);

    private static CurriculumProgram? Build(IReadOnlyList<ContentItem> items)
    {
        // One program per site for now; with several, the oldest is the one patients read.
        var programItem = items.Where(i => i.ContentType == CurriculumTypes.Program).OrderBy(i => i.CreatedUtc).FirstOrDefault();
        if (programItem is null)
        {
            return null;
        }

        var exercises = items.Where(i => i.ContentType == CurriculumTypes.Exercise)
            .ToDictionary(i => i.ContentItemId, i => new ProgramExercise(i, Title(i), Slug(i)));
        var modules = items
            .Where(i => i.ContentType == CurriculumTypes.Module && i.ContainerId == programItem.ContentItemId)
            .Select(m => BuildModule(m, items, exercises))
            .Where(m => m.Number > 0)
            .OrderBy(m => m.Number).ThenBy(m => m.Item.Order)
            .DistinctBy(m => m.Number)
            .ToList();
        return new CurriculumProgram(programItem, Title(programItem), modules, exercises);
    }

    private static ProgramModule BuildModule(ContentItem module, IReadOnlyList<ContentItem> items,
        IReadOnlyDictionary<string, ProgramExercise> exercises)
    {
        var sections = items
            .Where(i => i.ContentType == CurriculumTypes.Section && i.ContainerId == module.ContentItemId)
            .OrderBy(i => i.Order).ThenBy(i => i.CreatedUtc)
            .Select(s => new ProgramSection(s, Title(s), Slug(s),
                s.Get<BooleanFieldData>(CurriculumTypes.Section, CurriculumTypes.PatientStoryField).Value))
            .ToList();
        var exerciseId = Ids(module, CurriculumTypes.ExerciseField).FirstOrDefault();
        return new ProgramModule(module, Number(module), Title(module), sections,
            exerciseId is null ? null : exercises.GetValueOrDefault(exerciseId),
            Ids(module, CurriculumTypes.FormsField));
    }

    private static int Number(ContentItem module) =>
        module.Element(CurriculumTypes.Module, CurriculumTypes.ModuleNumber)?["value"] is JsonValue value
        && value.TryGetValue<decimal>(out var number) && number is > 0 and < 1000 ? (int)number : 0;

    private static IReadOnlyList<string> Ids(ContentItem module, string pickerField) =>
        module.Get<ContentPickerFieldData>(CurriculumTypes.Module, pickerField).ContentItemIds;

    private static string Title(ContentItem item) => item.Get<TitlePartData>(TitlePartDriver.PartKind).Title;

    private static string Slug(ContentItem item) =>
        item.Get<AutoroutePartData>(AutoroutePartDriver.PartKind).Slug is { Length: > 0 } slug ? slug : item.ContentItemId;
}
