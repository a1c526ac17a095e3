using Smartskola.ContentManagement.Display;

namespace Smartskola.Curriculum.Reading;

/// <summary>Curriculum items are read inside the program (with its access rules), never at the generic content address.</summary>
public sealed class CurriculumRoutes(CurriculumLoader loader) : IContentRouteOwner
{
    public bool Owns(string contentType) => CurriculumTypes.All.Contains(contentType);

    public async Task<string?> UrlAsync(string contentItemId, string contentType, CancellationToken cancellationToken = default)
    {
        if (await loader.LoadAsync(latest: false, cancellationToken) is not { } program)
        {
            return null;
        }

        var scope = new ReadingScope(program, new HashSet<string>(), new HashSet<string>(), false,
            ReadingScopeFactory.PatientBase, string.Empty);
        if (program.Item.ContentItemId == contentItemId)
        {
            return scope.HomeUrl;
        }

        if (program.Modules.FirstOrDefault(m => m.Id == contentItemId) is { } module)
        {
            return scope.ModuleUrl(module);
        }

        if (program.FindSection(contentItemId) is { } found)
        {
            return scope.SectionUrl(found.Module, found.Section);
        }

        return program.Exercises.TryGetValue(contentItemId, out var exercise) ? scope.ExerciseUrl(exercise) : null;
    }
}
