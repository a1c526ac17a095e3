using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;
using Smartskola.ContentManagement.Parts;

namespace Smartskola.ContentManagement.Display;

public static class ContentTitles
{
    /// <summary>The item's title, or "{type} utan titel" when it has none.</summary>
    public static string Of(ContentItem item, ContentTypeDefinition? type)
    {
        var title = item.Get<TitlePartData>(TitlePartDriver.PartKind).Title;
        return string.IsNullOrWhiteSpace(title) ? $"{type?.DisplayName ?? item.ContentType} utan titel" : title.Trim();
    }

    public static string? Slug(ContentItem item) =>
        item.Get<AutoroutePartData>(AutoroutePartDriver.PartKind).Slug is { Length: > 0 } slug ? slug : null;
}
