using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Definitions;

/// <summary>A definition together with the revision it was read at (for conflict detection on save).</summary>
public sealed record StoredContentType(ContentTypeDefinition Definition, int Revision);

/// <summary>Reads and writes content type definitions. Cached per request; definitions are small.</summary>
public sealed class ContentDefinitionManager(
    ContentDbContext db,
    SharedDbConnection connection,
    ContentDriverRegistry drivers,
    IPermissionDefaults permissionDefaults,
    ContentAudit audit,
    TimeProvider clock)
{
    private Dictionary<string, StoredContentType>? _cache;

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).Values.Select(t => t.Definition)
            .OrderBy(t => t.DisplayName, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true))
            .ToList();

    public async Task<ContentTypeDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetStoredAsync(name, cancellationToken))?.Definition;

    public async Task<StoredContentType?> GetStoredAsync(string name, CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).GetValueOrDefault(name);

    /// <summary>
    /// Creates or replaces a definition. With <paramref name="expectedRevision"/> the save fails with a Swedish
    /// message if someone else saved in between. Securable types get their permissions granted to the default roles.
    /// </summary>
    public async Task SaveAsync(ContentTypeDefinition definition, int? expectedRevision,
        CancellationToken cancellationToken = default)
    {
        var errors = DefinitionValidator.Validate(definition, drivers);
        if (errors.Count > 0)
        {
            throw new ContentOperationException(string.Join(" ", errors));
        }

        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        var record = await db.ContentTypes.FirstOrDefaultAsync(t => t.Name == definition.Name, cancellationToken);
        var created = record is null;
        if (record is null)
        {
            record = new ContentTypeRecord { Name = definition.Name };
            db.ContentTypes.Add(record);
        }
        else if (expectedRevision is { } expected && record.Revision != expected)
        {
            throw new ContentOperationException(
                "Innehållstypen har ändrats av någon annan sedan du öppnade sidan. Inget sparades; ladda om sidan och gör ändringen igen.");
        }

        record.DisplayName = definition.DisplayName;
        record.DefinitionJson = JsonSerializer.Serialize(definition, DefinitionJsonContext.Default.ContentTypeDefinition);
        record.Revision++;
        record.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ContentOperationException(
                "Innehållstypen har ändrats av någon annan sedan du öppnade sidan. Inget sparades; ladda om sidan och gör ändringen igen.");
        }

        if (definition.Settings.Securable)
        {
            await permissionDefaults.ApplyAsync(ContentPermissions.ForType(definition), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _cache = null;
        await audit.WriteAsync(created ? "content-type.create" : "content-type.update", "ContentType", definition.Name,
            cancellationToken);
    }

    /// <summary>Drops this request's copies (after a change to one was refused and not saved).</summary>
    public void Forget() => _cache = null;

    /// <summary>Deletes a type that has no items (not even in the recycle bin).</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var count = await db.ContentItems.CountAsync(i => i.ContentType == name, cancellationToken);
        if (count > 0)
        {
            throw new ContentOperationException(
                $"Typen används av {count} innehållsobjekt (även i papperskorgen) och kan inte tas bort.");
        }

        await db.ContentTypes.Where(t => t.Name == name).ExecuteDeleteAsync(cancellationToken);
        _cache = null;
        await audit.WriteAsync("content-type.delete", "ContentType", name, cancellationToken);
    }

    private async Task<Dictionary<string, StoredContentType>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_cache is not null)
        {
            return _cache;
        }

        var records = await db.ContentTypes.AsNoTracking().ToListAsync(cancellationToken);
        _cache = records.ToDictionary(r => r.Name, r => new StoredContentType(
            JsonSerializer.Deserialize(r.DefinitionJson, DefinitionJsonContext.Default.ContentTypeDefinition)!, r.Revision));
        return _cache;
    }
}
