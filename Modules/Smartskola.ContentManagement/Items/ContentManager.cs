using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Handlers;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Items;

public enum SaveMode
{
    Draft,
    Publish,
}

/// <summary>
/// Every change to content items goes through here: save (a new version each time), publish, unpublish, discard
/// draft, clone, recycle bin, hard delete, restore an old version and placement in lists. Concurrent edits are
/// caught by a conditional update of the <c>Latest</c> flag, so two saves over the same version cannot both win.
/// Authorization is the caller's job (pages check <see cref="ContentAuthorizer"/>); this class keeps the data sound.
/// </summary>
public sealed class ContentManager(
    ContentDbContext db,
    SharedDbConnection connection,
    ContentDefinitionManager definitions,
    ContentHandlerInvoker handlers,
    ContentSlugs slugs,
    IHttpContextAccessor httpContext,
    ContentAudit audit,
    TimeProvider clock)
{
    private ClaimsPrincipal? User => httpContext.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public ContentItem New(string contentType, string? containerId = null) =>
        new() { ContentItemId = ContentItem.NewId(), ContentType = contentType, ContainerId = containerId };

    public Task<ContentItem?> GetLatestAsync(string id, CancellationToken cancellationToken = default) =>
        LoadAsync(id, v => v.Latest, cancellationToken);

    public Task<ContentItem?> GetPublishedAsync(string id, CancellationToken cancellationToken = default) =>
        LoadAsync(id, v => v.Published, cancellationToken);

    /// <summary>The published version of an item whose projection row the caller already has (one query less).</summary>
    public async Task<ContentItem?> GetPublishedAsync(ContentItemRecord record, CancellationToken cancellationToken = default)
    {
        var version = await db.ContentItemVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.ContentItemId == record.ContentItemId && v.Published, cancellationToken);
        return version is null ? null : ContentItem.From(version, record);
    }

    public Task<ContentItem?> GetVersionAsync(string id, int number, CancellationToken cancellationToken = default) =>
        LoadAsync(id, v => v.VersionNumber == number, cancellationToken);

    /// <summary>All versions, newest first.</summary>
    public async Task<IReadOnlyList<ContentItem>> VersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id, cancellationToken);
        var versions = await db.ContentItemVersions.AsNoTracking().Where(v => v.ContentItemId == id)
            .OrderByDescending(v => v.VersionNumber).ToListAsync(cancellationToken);
        return versions.Select(v => ContentItem.From(v, record)).ToList();
    }

    /// <summary>
    /// Saves <paramref name="item"/> as a new version on top of <paramref name="expectedLatestVersion"/> (0 for a new
    /// item). Throws <see cref="ContentConflictException"/> if someone saved in between; nothing is written then.
    /// </summary>
    public async Task<ContentItem> SaveAsync(ContentItem item, int expectedLatestVersion, SaveMode mode,
        string? note = null, CancellationToken cancellationToken = default)
    {
        var type = await RequireTypeAsync(item.ContentType, cancellationToken);
        var publish = mode == SaveMode.Publish || !type.Settings.Draftable;
        if (publish)
        {
            EnsureMayPublish(type, item);
        }

        var existing = await db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(i => i.ContentItemId == item.ContentItemId, cancellationToken);
        if (existing is null && expectedLatestVersion != 0)
        {
            throw new ContentOperationException("Innehållet finns inte längre (det har raderats).");
        }

        if (existing is not null)
        {
            EnsureNotInRecycleBin(existing);
            if (existing.LatestVersion != expectedLatestVersion)
            {
                throw new ContentConflictException(item.ContentItemId, expectedLatestVersion, existing.LatestVersion);
            }
        }

        if (existing is not null && note is null && await UnchangedAsync(item, cancellationToken) is { } latestIsPublished)
        {
            // Nothing to version: an unchanged save keeps the latest version (publishing it if asked).
            if (publish && !latestIsPublished)
            {
                await PublishAsync(item.ContentItemId, expectedLatestVersion, cancellationToken);
            }

            Copy((await GetLatestAsync(item.ContentItemId, cancellationToken))!, item);
            return item;
        }

        var context = new ContentContext(item, type, User);
        await handlers.BeforeAsync(existing is null ? ContentEvent.Create : ContentEvent.Update, context);
        if (publish)
        {
            await handlers.BeforeAsync(ContentEvent.Publish, context);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            var record = existing is null
                ? await NewRecordAsync(item, type, now, cancellationToken)
                : await db.ContentItems.FirstAsync(i => i.ContentItemId == item.ContentItemId, cancellationToken);
            await slugs.AssignAsync(item, type, record, cancellationToken);

            if (existing is not null)
            {
                var released = await db.ContentItemVersions
                    .Where(v => v.ContentItemId == item.ContentItemId && v.Latest && v.VersionNumber == expectedLatestVersion)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Latest, false), cancellationToken);
                if (released != 1)
                {
                    throw new ContentConflictException(item.ContentItemId, expectedLatestVersion, -1);
                }
            }

            if (publish)
            {
                await WithdrawPublishedAsync(item.ContentItemId, cancellationToken);
            }

            var number = existing is null ? 1 : await db.ContentItemVersions
                .Where(v => v.ContentItemId == item.ContentItemId).MaxAsync(v => v.VersionNumber, cancellationToken) + 1;
            var user = User;
            var version = new ContentItemVersionRecord
            {
                ContentItemId = item.ContentItemId,
                ContentItemVersionId = ContentItem.NewId(),
                ContentType = item.ContentType,
                VersionNumber = number,
                Latest = true,
                Published = publish,
                Owner = record.Owner,
                OwnerName = record.OwnerName,
                Author = user?.UserId(),
                AuthorName = user?.DisplayName() ?? "Recept",
                CreatedUtc = record.CreatedUtc,
                ModifiedUtc = now,
                PublishedUtc = publish ? now : null,
                Note = note,
                Data = item.Content.ToJsonString(),
            };
            db.ContentItemVersions.Add(version);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Lost a race the unique indexes caught: the same new item saved twice (a double click), or a
                // sibling took the slug in between. Nothing was written; the editor sees the current state.
                throw new ContentConflictException(item.ContentItemId, expectedLatestVersion, -1);
            }

            if (!type.Settings.Versionable)
            {
                await db.ContentItemVersions.Where(v => v.ContentItemId == item.ContentItemId && !v.Latest && !v.Published)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            var saved = ContentItem.From(version, record);
            try
            {
                await ProjectAsync(record, type, saved, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The slug indexes on the projection caught a sibling that took the address in between.
                throw new ContentConflictException(item.ContentItemId, expectedLatestVersion, -1);
            }

            await transaction.CommitAsync(cancellationToken);
            Copy(saved, item);
        }

        await handlers.AfterAsync(existing is null ? ContentEvent.Create : ContentEvent.Update, context);
        if (publish)
        {
            await handlers.AfterAsync(ContentEvent.Publish, context);
            await audit.WriteAsync("content.publish", "ContentItem", item.ContentItemId, cancellationToken);
        }

        return item;
    }

    /// <summary>Publishes the latest version as it is.</summary>
    public async Task PublishAsync(string id, int? expectedLatestVersion = null, CancellationToken cancellationToken = default)
    {
        var (record, type) = await RequireAsync(id, cancellationToken);
        if (expectedLatestVersion is { } expected && record.LatestVersion != expected)
        {
            throw new ContentConflictException(id, expected, record.LatestVersion);
        }

        if (record.PublishedVersion == record.LatestVersion)
        {
            return;
        }

        var latest = (await GetLatestAsync(id, cancellationToken))!;
        EnsureMayPublish(type, latest);
        var context = new ContentContext(latest, type, User);
        await handlers.BeforeAsync(ContentEvent.Publish, context);
        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            await WithdrawPublishedAsync(id, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var updated = await db.ContentItemVersions
                .Where(v => v.ContentItemId == id && v.Latest && v.VersionNumber == record.LatestVersion)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Published, true).SetProperty(v => v.PublishedUtc, now),
                    cancellationToken);
            if (updated != 1)
            {
                throw new ContentConflictException(id, record.LatestVersion, -1);
            }

            await ReprojectAsync(id, type, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await handlers.AfterAsync(ContentEvent.Publish, context);
        await audit.WriteAsync("content.publish", "ContentItem", id, cancellationToken);
    }

    public async Task UnpublishAsync(string id, CancellationToken cancellationToken = default)
    {
        var (record, type) = await RequireAsync(id, cancellationToken);
        if (record.PublishedVersion is null)
        {
            return;
        }

        var published = (await GetPublishedAsync(id, cancellationToken))!;
        EnsureMayPublish(type, published);
        var context = new ContentContext(published, type, User);
        await handlers.BeforeAsync(ContentEvent.Unpublish, context);
        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            await WithdrawPublishedAsync(id, cancellationToken);
            await ReprojectAsync(id, type, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await handlers.AfterAsync(ContentEvent.Unpublish, context);
        await audit.WriteAsync("content.unpublish", "ContentItem", id, cancellationToken);
    }

    /// <summary>Clears the published flag (first, so the one-published index never sees two).</summary>
    private Task WithdrawPublishedAsync(string id, CancellationToken cancellationToken) =>
        db.ContentItemVersions.Where(v => v.ContentItemId == id && v.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Published, false), cancellationToken);

    /// <summary>Whether the latest version is published, if its content equals <paramref name="item"/>'s; else null.</summary>
    private async Task<bool?> UnchangedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var latest = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == item.ContentItemId && v.Latest)
            .Select(v => new { v.Data, v.Published }).FirstOrDefaultAsync(cancellationToken);
        return latest is not null && System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(latest.Data), item.Content)
            ? latest.Published
            : null;
    }

    private static void Copy(ContentItem from, ContentItem to)
    {
        to.ContentItemVersionId = from.ContentItemVersionId;
        to.VersionNumber = from.VersionNumber;
        to.Latest = from.Latest;
        to.Published = from.Published;
        to.Owner = from.Owner;
        to.OwnerName = from.OwnerName;
        to.Author = from.Author;
        to.AuthorName = from.AuthorName;
        to.CreatedUtc = from.CreatedUtc;
        to.ModifiedUtc = from.ModifiedUtc;
        to.PublishedUtc = from.PublishedUtc;
        to.Note = from.Note;
        to.Order = from.Order;
    }

    internal async Task<(ContentItemRecord Record, ContentTypeDefinition Type)> RequireAsync(string id,
        CancellationToken cancellationToken)
    {
        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id, cancellationToken)
            ?? throw new ContentOperationException("Innehållet finns inte längre.");
        EnsureNotInRecycleBin(record);
        return (record, await RequireTypeAsync(record.ContentType, cancellationToken));
    }

    internal async Task<ContentTypeDefinition> RequireTypeAsync(string name, CancellationToken cancellationToken) =>
        await definitions.GetAsync(name, cancellationToken)
        ?? throw new ContentOperationException($"Innehållstypen '{name}' finns inte.");

    /// <summary>
    /// Publishing (and unpublishing) needs the publish right whichever page or action leads there: a type without
    /// drafts publishes on every save, clone and restore.
    /// </summary>
    private void EnsureMayPublish(ContentTypeDefinition type, ContentItem item)
    {
        // Inside a transaction someone else owns, this is a recipe import: authorized as a whole by the import
        // permission, and possibly publishing a type whose permissions the same recipe has just created.
        if (!connection.InTransaction && User is { } user && !ContentAuthorizer.Can(user, ContentAction.Publish, type, item))
        {
            throw new ContentOperationException(type.Settings.Draftable
                ? "Du har inte behörighet att publicera det här innehållet."
                : "Du har inte behörighet att publicera det här innehållet, och typen saknar utkast: varje sparning publiceras.");
        }
    }

    private static void EnsureNotInRecycleBin(ContentItemRecord record)
    {
        if (record.DeletedUtc is not null)
        {
            throw new ContentOperationException("Innehållet ligger i papperskorgen. En administratör kan återställa det.");
        }
    }

    private async Task<ContentItemRecord> NewRecordAsync(ContentItem item, ContentTypeDefinition type, DateTime now,
        CancellationToken cancellationToken)
    {
        var user = User;
        var record = new ContentItemRecord
        {
            ContentItemId = item.ContentItemId,
            ContentType = type.Name,
            ContainerId = item.ContainerId,
            ContainerKey = item.ContainerId ?? string.Empty,
            Owner = item.Owner ?? user?.UserId(),
            OwnerName = item.OwnerName ?? user?.DisplayName(),
            CreatedUtc = item.CreatedUtc == default ? now : item.CreatedUtc,
        };
        if (item.ContainerId is { } containerId)
        {
            record.Order = item.Order > 0 ? item.Order : (await db.ContentItems.Where(i => i.ContainerId == containerId)
                .MaxAsync(i => (int?)i.Order, cancellationToken) ?? -1) + 1;
        }

        db.ContentItems.Add(record);
        return record;
    }

    private async Task<ContentItem?> LoadAsync(string id, System.Linq.Expressions.Expression<Func<ContentItemVersionRecord, bool>> which,
        CancellationToken cancellationToken)
    {
        var version = await db.ContentItemVersions.AsNoTracking().Where(v => v.ContentItemId == id).Where(which)
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }

        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id, cancellationToken);
        return ContentItem.From(version, record);
    }

    /// <summary>Rebuilds the projection row from the versions (after flag changes).</summary>
    internal async Task ReprojectAsync(string id, ContentTypeDefinition type, CancellationToken cancellationToken)
    {
        var record = await db.ContentItems.FirstAsync(i => i.ContentItemId == id, cancellationToken);
        var latest = (await LoadAsync(id, v => v.Latest, cancellationToken))!;
        await ProjectAsync(record, type, latest, cancellationToken);
    }

    private async Task ProjectAsync(ContentItemRecord record, ContentTypeDefinition type, ContentItem latest,
        CancellationToken cancellationToken)
    {
        var published = latest.Published ? latest : await LoadAsync(record.ContentItemId, v => v.Published, cancellationToken);
        ContentProjection.Apply(record, type, latest, published);
        await db.SaveChangesAsync(cancellationToken);
    }
}
