using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;

namespace Smartskola.ContentManagement.Items;

/// <summary>
/// Loads every item of some types in two queries (projection rows, then the wanted version of each), for pages
/// that show a whole structure at once, such as a program with its modules and sections.
/// </summary>
public sealed class ContentSet(ContentDbContext db)
{
    /// <summary>The published (or, with <paramref name="latest"/>, the latest) version of each item not in the recycle bin.</summary>
    public async Task<IReadOnlyList<ContentItem>> LoadAsync(IReadOnlyCollection<string> types, bool latest,
        CancellationToken cancellationToken = default)
    {
        var records = await db.ContentItems.AsNoTracking()
            .Where(i => types.Contains(i.ContentType) && i.DeletedUtc == null && (latest || i.PublishedVersion != null))
            .ToDictionaryAsync(i => i.ContentItemId, cancellationToken);
        return await VersionsAsync(records, latest, cancellationToken);
    }

    /// <summary>
    /// The published (or latest) version of one item not in the recycle bin. Unlike <see cref="ContentManager"/> this
    /// needs no content handlers, so a handler may use it to read what was just saved.
    /// </summary>
    public async Task<ContentItem?> LoadOneAsync(string contentItemId, bool latest, CancellationToken cancellationToken = default)
    {
        var records = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == contentItemId && i.DeletedUtc == null && (latest || i.PublishedVersion != null))
            .ToDictionaryAsync(i => i.ContentItemId, cancellationToken);
        return (await VersionsAsync(records, latest, cancellationToken)).FirstOrDefault();
    }

    private async Task<IReadOnlyList<ContentItem>> VersionsAsync(Dictionary<string, ContentItemRecord> records, bool latest,
        CancellationToken cancellationToken)
    {
        var ids = records.Keys.ToList();
        var versions = await db.ContentItemVersions.AsNoTracking()
            .Where(v => ids.Contains(v.ContentItemId) && (latest ? v.Latest : v.Published))
            .ToListAsync(cancellationToken);
        return versions.Select(v => ContentItem.From(v, records[v.ContentItemId])).ToList();
    }
}
