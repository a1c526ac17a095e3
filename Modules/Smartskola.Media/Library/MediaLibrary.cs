using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Media.Data;

namespace Smartskola.Media.Library;

/// <summary>Metadata an editor sets on an asset.</summary>
public sealed record MediaMetadata(string AltText, string Transcript, string? CaptionsPath);

/// <summary>
/// The media library: adds, replaces, describes and deletes assets. A file reaches the store only together with its
/// database row: prepared in staging, moved into place inside the transaction that writes the row, and moved back
/// (or removed) if anything fails.
/// </summary>
public sealed class MediaLibrary(MediaDbContext db, MediaFileStore store, MediaIngest ingest, MediaUsages usages,
    SharedDbConnection connection, TimeProvider clock, ContentAudit audit, IHttpContextAccessor http)
{
    public const int MaxAltLength = 1000;
    public const int MaxTranscriptLength = 200_000;

    public Task<MediaAsset?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<MediaAsset?> FindByPathAsync(string path, CancellationToken cancellationToken = default) =>
        db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Path == path, cancellationToken);

    /// <summary>Assets by path, for the paths that exist.</summary>
    public async Task<Dictionary<string, MediaAsset>> ByPathsAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var wanted = paths.Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Assets.AsNoTracking().Where(a => wanted.Contains(a.Path)).ToDictionaryAsync(a => a.Path, cancellationToken);
    }

    /// <summary>Adds a file at <paramref name="folder"/>/<paramref name="fileName"/> (both normalized to store paths).</summary>
    public async Task<MediaAsset> AddAsync(Stream content, string fileName, string? folder, MediaMetadata metadata,
        CancellationToken cancellationToken = default)
    {
        var normalizedFolder = MediaPaths.Folder(folder)
            ?? throw new MediaException("Mappnamnet är ogiltigt. Använd bokstäver, siffror och bindestreck, med / mellan mappar.");
        var path = MediaPaths.Combine(normalizedFolder, MediaPaths.FileName(fileName));
        if (MediaFileStore.IsValidPath(path) && await db.Assets.AnyAsync(a => a.Path == path, cancellationToken))
        {
            throw new MediaException($"Det finns redan en fil som heter {path}. Välj ett annat namn, eller ersätt filen från dess sida.", 409);
        }

        // The content is judged first, so a refused type (SVG, a wrong ending) gets its own message.
        using var prepared = await ingest.PrepareAsync(content, fileName, cancellationToken);
        if (!MediaFileStore.IsValidPath(path))
        {
            throw new MediaException($"Sökvägen '{path}' går inte att använda. Använd bokstäver, siffror och bindestreck och en tillåten filändelse.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = http.HttpContext?.User;
        var asset = new MediaAsset
        {
            Id = Guid.NewGuid().ToString("N"),
            Path = path,
            Folder = normalizedFolder,
            FileName = MediaPaths.NameOf(path),
            CreatedUtc = now,
            UploadedBy = user?.UserId(),
            UploadedByName = user?.Identity?.IsAuthenticated == true ? user.DisplayName() : null,
        };
        Apply(asset, prepared, now);
        await ValidateAsync(asset, metadata, cancellationToken);

        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        db.Assets.Add(asset);
        await SaveAsync(path, cancellationToken);
        var moved = MoveIntoStore(path, prepared);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            moved.Rollback();
            throw;
        }

        await audit.WriteAsync("media.upload", "MediaAsset", asset.Id, cancellationToken);
        return asset;
    }

    /// <summary>Replaces the file of an asset with one of the same kind; path and references stay, the revision goes up.</summary>
    public async Task<MediaAsset> ReplaceAsync(string id, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new MediaException("Filen finns inte längre.", 404);
        using var prepared = await ingest.PrepareAsync(content, fileName, cancellationToken);
        if (prepared.Facts.Kind != asset.Kind || !prepared.Facts.Extensions.Contains(Path.GetExtension(asset.Path)))
        {
            throw new MediaException($"Ersättningen måste vara samma sorts fil som {asset.Path} "
                + $"({MediaKindText.Name(asset.Kind).ToLowerInvariant()}, {Path.GetExtension(asset.Path)}).");
        }

        var expectedRevision = asset.Revision;
        Apply(asset, prepared, clock.GetUtcNow().UtcDateTime);
        asset.Revision = expectedRevision + 1;
        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        // Of two concurrent replacements only one moves the revision on.
        var claimed = await db.Assets.Where(a => a.Id == id && a.Revision == expectedRevision)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Revision, expectedRevision + 1), cancellationToken);
        if (claimed != 1)
        {
            throw new MediaException("Någon annan ersatte filen samtidigt. Ladda om sidan och försök igen.", 409);
        }

        await SaveAsync(asset.Path, cancellationToken);
        var moved = MoveIntoStore(asset.Path, prepared);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            moved.Rollback();
            throw;
        }

        moved.Commit();
        await audit.WriteAsync("media.replace", "MediaAsset", asset.Id, cancellationToken);
        return asset;
    }

    public async Task<MediaAsset> UpdateAsync(string id, MediaMetadata metadata, CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new MediaException("Filen finns inte längre.", 404);
        await ValidateAsync(asset, metadata, cancellationToken);
        asset.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(asset.Path, cancellationToken);
        await audit.WriteAsync("media.update", "MediaAsset", asset.Id, cancellationToken);
        return asset;
    }

    /// <summary>Deletes an unused asset and its files; refused (409) while content or a film uses it.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new MediaException("Filen finns inte längre.", 404);
        var users = await usages.UsersAsync(asset.Path, cancellationToken);
        var films = await db.Assets.Where(a => a.CaptionsPath == asset.Path).Select(a => a.Path).ToListAsync(cancellationToken);
        if (users.Count > 0 || films.Count > 0)
        {
            var where = users.Select(u => $"\"{u.Title}\"").Concat(films.Select(f => $"undertexter till {f}"));
            throw new MediaException($"{asset.Path} används och kan inte tas bort. Den används i: {string.Join(", ", where)}.", 409);
        }

        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in StoredFiles(asset.Path))
        {
            File.Delete(file);
        }

        await audit.WriteAsync("media.delete", "MediaAsset", asset.Id, cancellationToken);
    }

    private static void Apply(MediaAsset asset, PreparedMedia prepared, DateTime now)
    {
        asset.Kind = prepared.Facts.Kind;
        asset.MimeType = prepared.Facts.MimeType;
        asset.Size = prepared.Size;
        asset.Sha256 = prepared.Sha256;
        asset.Width = prepared.Facts.Width;
        asset.Height = prepared.Facts.Height;
        asset.DurationSeconds = prepared.Facts.DurationSeconds;
        asset.Codec = prepared.Facts.Codec;
        asset.UpdatedUtc = now;
    }

    private async Task ValidateAsync(MediaAsset asset, MediaMetadata metadata, CancellationToken cancellationToken)
    {
        var alt = metadata.AltText.Trim();
        var transcript = metadata.Transcript.Trim();
        var captions = string.IsNullOrWhiteSpace(metadata.CaptionsPath) ? null : metadata.CaptionsPath.Trim();
        if (alt.Length > MaxAltLength)
        {
            throw new MediaException($"Alternativtexten får vara högst {MaxAltLength} tecken.");
        }

        if (transcript.Length > MaxTranscriptLength)
        {
            throw new MediaException($"Transkriptionen får vara högst {MaxTranscriptLength} tecken.");
        }

        if (captions is not null && (asset.Kind != MediaKind.Video
            || !await db.Assets.AnyAsync(a => a.Path == captions && a.Kind == MediaKind.Captions, cancellationToken)))
        {
            throw new MediaException(asset.Kind == MediaKind.Video
                ? $"Undertexterna {captions} finns inte i mediebiblioteket som en WebVTT-fil."
                : "Bara filmer kan ha undertexter.");
        }

        asset.AltText = asset.Kind == MediaKind.Image ? alt : string.Empty;
        asset.Transcript = asset.Kind is MediaKind.Audio or MediaKind.Video ? transcript : string.Empty;
        asset.CaptionsPath = captions;
    }

    private async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new MediaException($"Det finns redan en fil som heter {path}, eller någon annan ändrade den samtidigt.", 409);
        }
    }

    /// <summary>The original and every derivative the store may hold for <paramref name="path"/>.</summary>
    private IEnumerable<string> StoredFiles(string path) =>
        new[] { store.Resolve(path)! }.Concat(ImageProcessor.Widths.Select(w => store.DerivativePath(path, w)!)).Where(File.Exists);

    /// <summary>Moves the prepared files into the store; what was there before is kept aside until commit.</summary>
    private StoreMove MoveIntoStore(string path, PreparedMedia prepared)
    {
        var move = new StoreMove(Path.Combine(prepared.WorkFolder, "previous"));
        try
        {
            foreach (var existing in StoredFiles(path).ToList())
            {
                move.SetAside(existing);
            }

            move.Place(prepared.File, store.Resolve(path)!);
            foreach (var (width, file) in prepared.Derivatives)
            {
                move.Place(file, store.DerivativePath(path, width)!);
            }
        }
        catch
        {
            move.Rollback();
            throw;
        }

        return move;
    }
}
