using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Smartskola.ContentManagement.Display;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Access;

/// <summary>
/// A patient sees curriculum items only inside the modules open to them (so a locked section's film cannot be
/// fetched by its address either); other content and other readers are not narrowed here.
/// </summary>
public sealed class CurriculumVisibility(CurriculumLoader loader, ReadingScopeFactory scopes, IHttpContextAccessor http) : IContentVisibility
{
    public async Task<IReadOnlySet<string>> VisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> contentItemIds,
        CancellationToken cancellationToken = default)
    {
        if (!user.HasPermission(CorePermissions.PatientArea) || contentItemIds.Count == 0
            || await loader.LoadAsync(latest: false, cancellationToken) is not { } program || http.HttpContext is not { } context)
        {
            return contentItemIds.ToHashSet();
        }

        var curriculumIds = program.Modules.SelectMany(m => m.Sections.Select(s => s.Id).Prepend(m.Id))
            .Concat(program.Exercises.Keys).Append(program.Item.ContentItemId).ToHashSet();
        var (scope, _) = await scopes.CreateAsync(context);
        var visible = scope?.VisibleItemIds ?? new HashSet<string>();
        return contentItemIds.Where(id => !curriculumIds.Contains(id) || visible.Contains(id)).ToHashSet();
    }
}
