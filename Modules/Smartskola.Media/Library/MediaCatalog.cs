using Microsoft.EntityFrameworkCore;
using Smartskola.Media.Data;
using Smartskola.Media.Fields;

namespace Smartskola.Media.Library;

/// <summary>A filtered page of the library.</summary>
public sealed record MediaListFilter(string? Folder = null, string? Text = null, MediaKind? Kind = null, int Page = 1, int PageSize = 50);

public sealed record MediaListPage(IReadOnlyList<MediaAsset> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Read-side queries over the library: lists, folders, editor options.</summary>
public sealed class MediaCatalog(MediaDbContext db)
{
    public const int MaxOptions = 500;

    public async Task<MediaListPage> ListAsync(MediaListFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.Assets.AsNoTracking();
        if (filter.Folder is { Length: > 0 } folder)
        {
            query = query.Where(a => a.Folder == folder || a.Folder.StartsWith(folder + "/"));
        }

        if (filter.Text?.Trim().ToLowerInvariant() is { Length: > 0 } text)
        {
            // Paths are lower case, so a lower-case search matches on both providers.
            query = query.Where(a => a.FileName.Contains(text));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var items = await query.OrderBy(a => a.Folder).ThenBy(a => a.FileName)
            .Skip((page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return new MediaListPage(items, total, page, filter.PageSize);
    }

    /// <summary>Every folder that holds assets, with its parents ("bilder", "bilder/ovningar").</summary>
    public async Task<IReadOnlyList<string>> FoldersAsync(CancellationToken cancellationToken = default)
    {
        var folders = await db.Assets.AsNoTracking().Select(a => a.Folder).Distinct().ToListAsync(cancellationToken);
        return folders.Where(f => f.Length > 0)
            .SelectMany(f => f.Split('/').Select((_, i) => string.Join('/', f.Split('/').Take(i + 1))))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Assets of one kind for a select, as "folder/name".</summary>
    public async Task<IReadOnlyList<MediaOption>> OptionsAsync(MediaKind kind, CancellationToken cancellationToken = default) =>
        (await db.Assets.AsNoTracking().Where(a => a.Kind == kind).OrderBy(a => a.Path).Take(MaxOptions)
            .Select(a => a.Path).ToListAsync(cancellationToken))
        .Select(p => new MediaOption(p, p)).ToList();
}
