using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;
using Smartskola.Media.Data;

namespace Smartskola.Media.Library;

/// <summary>A content item that uses an asset.</summary>
public sealed record MediaUser(string ContentItemId, string Title, bool InLatest, bool InPublished);

/// <summary>
/// Which content items use which assets, kept in <c>MediaUsages</c> from the items' latest and published versions.
/// An item in the recycle bin keeps its latest-version usages (it may come back) but has no published ones.
/// </summary>
public sealed class MediaUsages(MediaDbContext media, ContentDbContext content)
{
    /// <summary>Recomputes the usages of one item from what is stored now.</summary>
    public async Task RefreshAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var versions = await content.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == contentItemId && (v.Latest || v.Published))
            .Select(v => new { v.Latest, v.Published, v.Data }).ToListAsync(cancellationToken);
        var deleted = await content.ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == contentItemId).Select(i => i.DeletedUtc != null).FirstOrDefaultAsync(cancellationToken);
        var wanted = Compute(versions.Select(v => (v.Latest, v.Published && !deleted, v.Data)));

        var existing = await media.Usages.Where(u => u.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        foreach (var usage in existing)
        {
            if (wanted.Remove(usage.AssetPath, out var state))
            {
                (usage.InLatest, usage.InPublished) = state;
            }
            else
            {
                media.Usages.Remove(usage);
            }
        }

        media.Usages.AddRange(wanted.Select(w => new MediaUsage
        {
            AssetPath = w.Key, ContentItemId = contentItemId, InLatest = w.Value.InLatest, InPublished = w.Value.InPublished,
        }));
        await media.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Rebuilds every usage from the content store (after a recipe import, or to repair). Returns the row count.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var deleted = (await content.ContentItems.AsNoTracking().Where(i => i.DeletedUtc != null)
            .Select(i => i.ContentItemId).ToListAsync(cancellationToken)).ToHashSet();
        var byItem = new Dictionary<string, List<(bool, bool, string)>>();
        await foreach (var v in content.ContentItemVersions.AsNoTracking().Where(v => v.Latest || v.Published)
                           .Select(v => new { v.ContentItemId, v.Latest, v.Published, v.Data }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!byItem.TryGetValue(v.ContentItemId, out var list))
            {
                byItem[v.ContentItemId] = list = [];
            }

            list.Add((v.Latest, v.Published && !deleted.Contains(v.ContentItemId), v.Data));
        }

        await media.Usages.ExecuteDeleteAsync(cancellationToken);
        var rows = byItem.SelectMany(item => Compute(item.Value).Select(w => new MediaUsage
        {
            AssetPath = w.Key, ContentItemId = item.Key, InLatest = w.Value.InLatest, InPublished = w.Value.InPublished,
        })).ToList();
        media.Usages.AddRange(rows);
        await media.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>Items using <paramref name="path"/>, with their titles.</summary>
    public async Task<IReadOnlyList<MediaUser>> UsersAsync(string path, CancellationToken cancellationToken = default)
    {
        var usages = await media.Usages.AsNoTracking().Where(u => u.AssetPath == path && (u.InLatest || u.InPublished))
            .ToListAsync(cancellationToken);
        var ids = usages.Select(u => u.ContentItemId).ToList();
        var titles = await content.ContentItems.AsNoTracking().Where(i => ids.Contains(i.ContentItemId))
            .ToDictionaryAsync(i => i.ContentItemId, i => i.DisplayText, cancellationToken);
        return usages.Select(u => new MediaUser(u.ContentItemId, titles.GetValueOrDefault(u.ContentItemId, "(borttaget innehåll)"),
            u.InLatest, u.InPublished)).OrderBy(u => u.Title, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>How many items use each of <paramref name="paths"/>.</summary>
    public async Task<Dictionary<string, int>> CountsAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        paths.Count == 0
            ? []
            : await media.Usages.AsNoTracking().Where(u => paths.Contains(u.AssetPath) && (u.InLatest || u.InPublished))
                .GroupBy(u => u.AssetPath).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// Whether a published item (not in the recycle bin) shows <paramref name="path"/>, directly or as the captions of
    /// a film it shows: what patients may fetch.
    /// </summary>
    /// <summary>Items whose published version shows the file (or the film whose captions it is).</summary>
    public async Task<IReadOnlyList<string>> PublishedUsersAsync(string path, CancellationToken cancellationToken = default) =>
        await media.Usages.AsNoTracking().Where(u => u.InPublished && (u.AssetPath == path
            || media.Assets.Any(a => a.Path == u.AssetPath && a.CaptionsPath == path))).Select(u => u.ContentItemId).Distinct()
            .ToListAsync(cancellationToken);

    public Task<bool> IsPublishedAsync(string path, CancellationToken cancellationToken = default) =>
        media.Usages.AsNoTracking().AnyAsync(u => u.InPublished && (u.AssetPath == path
            || media.Assets.Any(a => a.Path == u.AssetPath && a.CaptionsPath == path)), cancellationToken);

    private static Dictionary<string, (bool InLatest, bool InPublished)> Compute(IEnumerable<(bool Latest, bool Published, string Data)> versions)
    {
        var result = new Dictionary<string, (bool InLatest, bool InPublished)>(StringComparer.Ordinal);
        foreach (var (latest, published, data) in versions)
        {
            if (!latest && !published)
            {
                continue;
            }

            foreach (var path in MediaReferences.Paths(JsonNode.Parse(data)))
            {
                var state = result.GetValueOrDefault(path);
                result[path] = (state.InLatest || latest, state.InPublished || published);
            }
        }

        return result;
    }
}
