using Microsoft.AspNetCore.Http;
using Smartskola.ContentManagement.Display;
using Smartskola.Core.Security;

namespace Smartskola.Curriculum.Reading;

/// <summary>Curriculum items are read inside the program (with its access rules), never at the generic content address.</summary>
public sealed class CurriculumRoutes(CurriculumLoader loader, IHttpContextAccessor http) : IContentRouteOwner
{
    public bool Owns(string contentType) => CurriculumTypes.All.Contains(contentType);

    public async Task<string?> UrlAsync(string contentItemId, string contentType, CancellationToken cancellationToken = default)
    {
        if (await loader.LoadAsync(latest: false, cancellationToken) is not { } program)
        {
            return null;
        }

        // Where a patient would read it (the page applies the patient's real access); staff who may preview (an editor
        // following "Visa publicerad sida") get the published preview instead of a refusal.
        var user = http.HttpContext?.User;
        var preview = user is not null && !user.HasPermission(CorePermissions.PatientArea) && user.HasPermission(CurriculumPermissions.Preview);
        var everything = program.Modules.Select(m => m.Id).ToHashSet();
        var scope = preview
            ? new ReadingScope(program, everything, new HashSet<string>(), true, ReadingScopeFactory.PreviewBase,
                new PreviewSettings(null, Drafts: false).ToQuery())
            : new ReadingScope(program, everything, new HashSet<string>(), false, ReadingScopeFactory.PatientBase, string.Empty);
        return scope.Locate(contentItemId)?.Url;
    }
}
