using System.Security.Claims;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Definitions;

/// <summary>The one place that decides what a user may do with content of a type (and an item, for "own").</summary>
public static class ContentAuthorizer
{
    public static bool Can(ClaimsPrincipal user, ContentAction action, ContentTypeDefinition type, ContentItem? item = null)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var isOwner = item is null || item.IsNew || (item.Owner is { } owner && owner == user.UserId());
        if (type.Settings.Securable)
        {
            return action switch
            {
                ContentAction.Edit => user.HasPermission(ContentPermissions.TypePermission(type.Name, ContentAction.Edit))
                    || (isOwner && user.HasPermission(ContentPermissions.TypePermission(type.Name, ContentAction.EditOwn))),
                _ => user.HasPermission(ContentPermissions.TypePermission(type.Name, action)),
            };
        }

        return action switch
        {
            // Published content of open types is for every signed-in user (patients and staff).
            ContentAction.View => true,
            ContentAction.Edit or ContentAction.EditOwn => user.HasPermission(ContentPermissions.EditAll)
                || (isOwner && user.HasPermission(ContentPermissions.EditOwnAll)),
            ContentAction.Publish => user.HasPermission(ContentPermissions.PublishAll),
            _ => user.HasPermission(ContentPermissions.DeleteAll),
        };
    }

    /// <summary>Drafts, history and previews are for those who may edit.</summary>
    public static bool CanSeeDrafts(ClaimsPrincipal user, ContentTypeDefinition type, ContentItem? item = null) =>
        Can(user, ContentAction.Edit, type, item);
}
