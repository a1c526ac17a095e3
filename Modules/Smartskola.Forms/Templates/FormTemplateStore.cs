using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Items;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Templates;

/// <summary>One published template version, ready to render, score and export.</summary>
public sealed record TemplateVersion(string TemplateId, int Version, string Title, FormDefinition Definition,
    DateTime PublishedUtc);

/// <summary>
/// Reads templates: published versions (from the forms module's own snapshot, written when a version is published,
/// falling back to the content history once and snapshotting it) and which templates a unit may use.
/// </summary>
public sealed class FormTemplateStore(FormsDbContext db, ContentManager content, ContentQuery query, TimeProvider clock)
{
    /// <summary>The given published version, or null when that version was never published.</summary>
    public async Task<TemplateVersion?> GetVersionAsync(string templateId, int version, CancellationToken cancellationToken = default)
    {
        var row = await db.Versions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.TemplateId == templateId && v.Version == version, cancellationToken);
        if (row is null)
        {
            var item = await content.GetVersionAsync(templateId, version, cancellationToken);
            if (item is null || item.ContentType != FormTypes.Template || item.PublishedUtc is null)
            {
                return null;
            }

            row = await SnapshotAsync(item, cancellationToken);
        }

        return ToVersion(row);
    }

    /// <summary>The newest published version (what subscribers use), or null when none is published.</summary>
    public async Task<TemplateVersion?> GetNewestPublishedAsync(string templateId, CancellationToken cancellationToken = default)
    {
        var record = await query.RecordAsync(templateId, cancellationToken);
        if (record is null || record.DeletedUtc is not null || record.ContentType != FormTypes.Template
            || record.PublishedVersion is not { } published)
        {
            return null;
        }

        return await GetVersionAsync(templateId, published, cancellationToken);
    }

    /// <summary>Writes the snapshot of a published version (once; a second call leaves the first in place).</summary>
    public async Task<FormTemplateVersion> SnapshotAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        var existing = await db.Versions.AsNoTracking().FirstOrDefaultAsync(
            v => v.TemplateId == item.ContentItemId && v.Version == item.VersionNumber, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var row = new FormTemplateVersion
        {
            TemplateId = item.ContentItemId,
            Version = item.VersionNumber,
            Title = item.Element("TitlePart")?["title"]?.GetValue<string>() ?? string.Empty,
            DefinitionJson = FormDefinitionPartDriver.Read(item.Element(FormDefinitionPartDriver.PartKind)).ToJson(),
            PublishedUtc = item.PublishedUtc ?? clock.GetUtcNow().UtcDateTime,
        };
        db.Versions.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request wrote the same snapshot first; published versions never change, so theirs is ours.
            db.ChangeTracker.Clear();
            return await db.Versions.AsNoTracking().FirstAsync(
                v => v.TemplateId == item.ContentItemId && v.Version == item.VersionNumber, cancellationToken);
        }

        return row;
    }

    public Task<FormTemplate?> GetTemplateAsync(string templateId, CancellationToken cancellationToken = default) =>
        db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.ContentItemId == templateId, cancellationToken);

    /// <summary>
    /// Whether a unit may use (dispatch, subscribe to, copy) a template: its own, or shared with it (all units, or
    /// chosen units including it). Retired templates are not usable for new dispatches.
    /// </summary>
    public async Task<bool> IsSharedWithAsync(FormTemplate template, Guid unitId, CancellationToken cancellationToken = default) =>
        template.OwnerUnitId == unitId
        || template.Scope == SharingScope.AllUnits
        || (template.Scope == SharingScope.ChosenUnits
            && await db.Shares.AnyAsync(s => s.TemplateId == template.ContentItemId && s.UnitId == unitId, cancellationToken));

    private static TemplateVersion ToVersion(FormTemplateVersion row) =>
        new(row.TemplateId, row.Version, row.Title, FormDefinition.FromJson(row.DefinitionJson), row.PublishedUtc);
}
