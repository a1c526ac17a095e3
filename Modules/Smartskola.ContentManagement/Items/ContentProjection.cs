using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Items;

/// <summary>Fills the queried columns of <see cref="ContentItemRecord"/> from the latest and published versions.</summary>
public static class ContentProjection
{
    public static void Apply(ContentItemRecord record, ContentTypeDefinition type, ContentItem latest, ContentItem? published)
    {
        record.ContentType = type.Name;
        record.DisplayText = Shorten(ContentTitles.Of(latest, type));
        record.PublishedDisplayText = published is null ? null : Shorten(ContentTitles.Of(published, type));
        record.Slug = ContentTitles.Slug(latest);
        record.PublishedSlug = published is null ? null : ContentTitles.Slug(published);
        record.LatestVersion = latest.VersionNumber;
        record.PublishedVersion = published?.VersionNumber;
        record.Status = published is null ? ContentStatus.Draft
            : published.VersionNumber == latest.VersionNumber ? ContentStatus.Published
            : ContentStatus.PublishedWithDraft;
        record.ModifiedUtc = latest.ModifiedUtc;
        record.PublishedUtc = published?.PublishedUtc;
    }

    private static string Shorten(string title) => title.Length > 300 ? title[..300] : title;
}
