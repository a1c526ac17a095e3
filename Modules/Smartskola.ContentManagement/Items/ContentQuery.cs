using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;

namespace Smartskola.ContentManagement.Items;

/// <summary>A title with its public address (null when it has none, e.g. not published).</summary>
public sealed record ContentLink(string ContentItemId, string Title, string? Url, string ContentType = "");

public sealed record ContentListFilter(string? Type = null, ContentStatus? Status = null, string? Text = null,
    string? ContainerId = null, bool Deleted = false, int Page = 1, int PageSize = 50);

public sealed record ContentListPage(IReadOnlyList<ContentItemRecord> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Read-side queries over the projection table (lists, pickers, children, public addresses).</summary>
public sealed class ContentQuery(ContentDbContext db)
{
    public const string PublicPrefix = "/innehall";

    /// <summary>Items without an address part are shown at <c>/innehall/objekt/{id}</c>; the slug is reserved.</summary>
    public const string ByIdSegment = "objekt";

    public async Task<ContentListPage> ListAsync(ContentListFilter filter, IReadOnlySet<string> visibleTypes,
        CancellationToken cancellationToken = default)
    {
        var query = db.ContentItems.AsNoTracking()
            .Where(i => visibleTypes.Contains(i.ContentType))
            .Where(i => filter.Deleted ? i.DeletedUtc != null : i.DeletedUtc == null);
        if (!string.IsNullOrEmpty(filter.Type))
        {
            query = query.Where(i => i.ContentType == filter.Type);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = $"%{filter.Text.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(i => EF.Functions.Like(i.DisplayText.ToLower(), pattern, "\\"));
        }

        if (!string.IsNullOrEmpty(filter.ContainerId))
        {
            query = query.Where(i => i.ContainerId == filter.ContainerId);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var items = await query.OrderByDescending(i => i.ModifiedUtc).ThenBy(i => i.ContentItemId)
            .Skip((page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return new ContentListPage(items, total, page, filter.PageSize);
    }

    /// <summary>Ids of every item not in the recycle bin (for rebuilding derived indexes).</summary>
    public Task<List<string>> AllIdsAsync(CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().Where(i => i.DeletedUtc == null).OrderBy(i => i.ContentItemId)
            .Select(i => i.ContentItemId).ToListAsync(cancellationToken);

    public Task<ContentItemRecord?> RecordAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);

    /// <summary>The children of a list in order, drafts included (for the editor).</summary>
    public Task<List<ContentItemRecord>> ChildrenAsync(string containerId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().Where(i => i.ContainerId == containerId && i.DeletedUtc == null)
            .OrderBy(i => i.Order).ThenBy(i => i.CreatedUtc).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ContentLink>> PublishedChildLinksAsync(string containerId,
        CancellationToken cancellationToken = default)
    {
        var basePath = await PublicPathAsync(containerId, cancellationToken);
        var children = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContainerId == containerId && i.DeletedUtc == null && i.PublishedVersion != null)
            .OrderBy(i => i.Order).ThenBy(i => i.CreatedUtc)
            .Select(i => new { i.ContentItemId, DisplayText = i.PublishedDisplayText ?? i.DisplayText, i.PublishedSlug, i.ContentType })
            .ToListAsync(cancellationToken);
        return children.Select(c => new ContentLink(c.ContentItemId, c.DisplayText,
            basePath is null ? null
            : c.PublishedSlug is null || basePath.StartsWith($"{PublicPrefix}/{ByIdSegment}/", StringComparison.Ordinal)
                ? $"{PublicPrefix}/{ByIdSegment}/{c.ContentItemId}"
                : $"{basePath}/{c.PublishedSlug}", c.ContentType)).ToList();
    }

    /// <summary>Items that may be picked: not deleted, of the given types (all types when none are given).</summary>
    public async Task<IReadOnlyList<ContentLink>> PickerOptionsAsync(IReadOnlyList<string> types, string? exceptId,
        CancellationToken cancellationToken = default)
    {
        var query = db.ContentItems.AsNoTracking().Where(i => i.DeletedUtc == null && i.ContentItemId != exceptId);
        if (types.Count > 0)
        {
            query = query.Where(i => types.Contains(i.ContentType));
        }

        var items = await query.OrderBy(i => i.DisplayText).Take(500)
            .Select(i => new ContentLink(i.ContentItemId, i.DisplayText, null, i.ContentType)).ToListAsync(cancellationToken);
        return items;
    }

    /// <summary>Which of <paramref name="ids"/> exist, are not deleted and are of one of <paramref name="types"/> (all when empty).</summary>
    public async Task<IReadOnlyList<ContentLink>> PickableAsync(IReadOnlyList<string> ids, IReadOnlyList<string> types,
        CancellationToken cancellationToken = default)
    {
        var query = db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.ContentItemId) && i.DeletedUtc == null);
        if (types.Count > 0)
        {
            query = query.Where(i => types.Contains(i.ContentType));
        }

        return await query.Select(i => new ContentLink(i.ContentItemId, i.DisplayText, null, i.ContentType)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ContentLink>> PublishedLinksAsync(IReadOnlyList<string> ids,
        CancellationToken cancellationToken = default)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => ids.Contains(i.ContentItemId) && i.DeletedUtc == null && i.PublishedVersion != null)
            .Select(i => new { i.ContentItemId, DisplayText = i.PublishedDisplayText ?? i.DisplayText, i.ContentType })
            .ToListAsync(cancellationToken);
        var links = new List<ContentLink>();
        foreach (var id in ids)
        {
            if (items.FirstOrDefault(i => i.ContentItemId == id) is { } item)
            {
                links.Add(new ContentLink(id, item.DisplayText, await PublicPathAsync(id, cancellationToken), item.ContentType));
            }
        }

        return links;
    }

    /// <summary>The published title of an item (for patients), or null if it is not published.</summary>
    public Task<string?> PublishedTitleAsync(string id, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == id && i.PublishedVersion != null && i.DeletedUtc == null)
            .Select(i => i.PublishedDisplayText).FirstOrDefaultAsync(cancellationToken);

    public async Task<Dictionary<string, string>> TitlesAsync(IReadOnlyList<string> ids,
        CancellationToken cancellationToken = default) =>
        await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.ContentItemId))
            .ToDictionaryAsync(i => i.ContentItemId, i => i.DisplayText, cancellationToken);

    /// <summary>
    /// The public address of a published item: <c>/innehall/{container slugs…}/{slug}</c>, or
    /// <c>/innehall/objekt/{id}</c> when it or a container has no slug; null if it or any container is unpublished
    /// or in the recycle bin.
    /// </summary>
    public async Task<string?> PublicPathAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var segments = new List<string>();
        var addressable = true;
        string? id = contentItemId;
        for (var depth = 0; id is not null; depth++)
        {
            var current = id;
            var item = await db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == current)
                .Select(i => new { i.PublishedVersion, i.PublishedSlug, i.DeletedUtc, i.ContainerId })
                .FirstOrDefaultAsync(cancellationToken);
            if (item is null || item.DeletedUtc is not null || item.PublishedVersion is null || depth > 10)
            {
                return null;
            }

            addressable &= item.PublishedSlug is not null;
            segments.Insert(0, item.PublishedSlug ?? string.Empty);
            id = item.ContainerId;
        }

        return addressable
            ? $"{PublicPrefix}/{string.Join('/', segments)}"
            : $"{PublicPrefix}/{ByIdSegment}/{contentItemId}";
    }

    /// <summary>Resolves <c>a/b/c</c> to the published, not deleted item at that address.</summary>
    public async Task<ContentItemRecord?> ResolvePublicPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length is 0 or > 10)
        {
            return null;
        }

        ContentItemRecord? current = null;
        foreach (var segment in segments)
        {
            var containerKey = current?.ContentItemId ?? string.Empty;
            current = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(
                i => i.ContainerKey == containerKey && i.PublishedSlug == segment && i.DeletedUtc == null, cancellationToken);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
