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

        // Where a patient with every module open would read it; the page itself applies the patient's real access.
        var everything = program.Modules.Select(m => m.Id).ToHashSet();
        var scope = new ReadingScope(program, everything, new HashSet<string>(), false, ReadingScopeFactory.PatientBase, string.Empty);
        return scope.Locate(contentItemId)?.Url;
    }
}
