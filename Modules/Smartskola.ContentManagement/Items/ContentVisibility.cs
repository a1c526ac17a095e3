using Microsoft.AspNetCore.Http;
using Smartskola.ContentManagement.Definitions;

namespace Smartskola.ContentManagement.Items;

/// <summary>Keeps only the links the current user may view (securable types need their view permission).</summary>
public sealed class ContentVisibility(IHttpContextAccessor httpContext, ContentDefinitionManager definitions)
{
    public async Task<IReadOnlyList<ContentLink>> VisibleAsync(IReadOnlyList<ContentLink> links)
    {
        var user = httpContext.HttpContext?.User;
        if (user is null || links.Count == 0)
        {
            return [];
        }

        var visible = new List<ContentLink>();
        foreach (var link in links)
        {
            if (await definitions.GetAsync(link.ContentType) is { } type && ContentAuthorizer.Can(user, ContentAction.View, type))
            {
                visible.Add(link);
            }
        }

        return visible;
    }
}
