using Microsoft.AspNetCore.Http;
using Smartskola.ContentManagement.Display;
using Smartskola.Core.Security;

namespace Smartskola.Curriculum.Reading;

/// <summary>Curriculum items are read inside the program (with its access rules), never at the generic content address.</summary>
public sealed class CurriculumRoutes(CurriculumLoader loader, ReadingScopeFactory scopes, IHttpContextAccessor http) : IContentRouteOwner
{
    public bool Owns(string contentType) => CurriculumTypes.All.Contains(contentType);

    public async Task<string?> UrlAsync(string contentItemId, string contentType, CancellationToken cancellationToken = default)
    {
        if (await loader.LoadAsync(latest: false, cancellationToken) is not { } program)
        {
            return null;
        }

        // Staff who may preview (an editor following "Visa publicerad sida") get the published preview; a patient gets
        // the page only if it is open to them, so a locked section's address is not given away.
        var user = http.HttpContext?.User;
        if (user is not null && !user.HasPermission(CorePermissions.PatientArea) && user.HasPermission(CurriculumPermissions.Preview))
        {
            return new ReadingScope(program, Access.ReaderAccess.All(program), Progress.ReaderProgress.None, true, ReadingScopeFactory.PreviewBase,
                new PreviewSettings(null, Drafts: false).ToQuery()).Locate(contentItemId)?.Url;
        }

        var (scope, _) = http.HttpContext is { } context ? await scopes.CreateAsync(context) : (null, ScopeRefusal.Forbidden);
        return scope is not null && scope.VisibleItemIds.Contains(contentItemId) ? scope.Locate(contentItemId)?.Url : null;
    }
}
