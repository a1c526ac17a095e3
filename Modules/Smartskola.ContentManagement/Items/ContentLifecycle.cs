using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Handlers;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;

namespace Smartskola.ContentManagement.Items;

/// <summary>Retention rule for old versions: keep the newest N and/or those younger than D days.</summary>
public sealed record VersionRetention(int? KeepNewest, int? YoungerThanDays)
{
    public bool IsValid => (KeepNewest is null or >= 1) && (YoungerThanDays is null or >= 0)
        && (KeepNewest is not null || YoungerThanDays is not null);
}

/// <summary>
/// What builds on saving: discard a draft, restore an old version, clone; and the recycle bin, hard delete, pruning
/// of old versions and the order of items in a list.
/// </summary>
public sealed class ContentLifecycle(
    ContentDbContext db,
    SharedDbConnection connection,
    ContentManager manager,
    ContentHandlerInvoker handlers,
    IHttpContextAccessor httpContext,
    IAuditLog audit,
    TimeProvider clock)
{
    private ClaimsPrincipal? User => httpContext.HttpContext?.User;

    /// <summary>Makes the published version the latest again. The discarded draft stays in the history.</summary>
    public async Task DiscardDraftAsync(string id, int expectedLatestVersion, CancellationToken cancellationToken = default)
    {
        var (record, type) = await manager.RequireAsync(id, cancellationToken);
        if (record.LatestVersion != expectedLatestVersion)
        {
            throw new ContentConflictException(id, expectedLatestVersion, record.LatestVersion);
        }

        if (record.PublishedVersion is null || record.PublishedVersion == record.LatestVersion)
        {
            throw new ContentOperationException(record.PublishedVersion is null
                ? "Innehållet har aldrig publicerats, så det finns ingen publicerad version att gå tillbaka till."
                : "Det finns inget utkast att kasta.");
        }

        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        var released = await db.ContentItemVersions
            .Where(v => v.ContentItemId == id && v.Latest && v.VersionNumber == expectedLatestVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Latest, false), cancellationToken);
        if (released != 1)
        {
            throw new ContentConflictException(id, expectedLatestVersion, -1);
        }

        await db.ContentItemVersions.Where(v => v.ContentItemId == id && v.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Latest, true), cancellationToken);
        await manager.ReprojectAsync(id, type, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The latest version changed: indexes of the latest version (search, media usage) must follow.
        await handlers.AfterAsync(ContentEvent.Update,
            new ContentContext((await manager.GetLatestAsync(id, cancellationToken))!, type, User));
    }

    /// <summary>Saves an old version's content as a new draft on top of the latest.</summary>
    public async Task<ContentItem> RestoreVersionAsync(string id, int versionNumber, int expectedLatestVersion,
        CancellationToken cancellationToken = default)
    {
        var old = await manager.GetVersionAsync(id, versionNumber, cancellationToken)
            ?? throw new ContentOperationException($"Version {versionNumber} finns inte (den kan ha gallrats).");
        var draft = old.CloneVersion();
        return await manager.SaveAsync(draft, expectedLatestVersion, SaveMode.Draft, $"Återställd från version {versionNumber}",
            cancellationToken);
    }

    /// <summary>A new draft item with the latest version's content, placed last in the same list.</summary>
    public async Task<ContentItem> CloneAsync(string id, CancellationToken cancellationToken = default)
    {
        var latest = await manager.GetLatestAsync(id, cancellationToken)
            ?? throw new ContentOperationException("Innehållet finns inte.");
        var type = await manager.RequireTypeAsync(latest.ContentType, cancellationToken);
        if (!type.Settings.Creatable)
        {
            throw new ContentOperationException($"Nya {type.DisplayName.ToLowerInvariant()} kan inte skapas från administrationen, så den kan inte kopieras.");
        }

        var copy = manager.New(latest.ContentType, latest.ContainerId);
        copy.Content = (System.Text.Json.Nodes.JsonObject)latest.Content.DeepClone();
        if (type.Has(Parts.TitlePartDriver.PartKind))
        {
            var title = copy.Get<Parts.TitlePartData>(Parts.TitlePartDriver.PartKind);
            title.Title = $"{title.Title} (kopia)";
            copy.Set(Parts.TitlePartDriver.PartKind, null, title);
        }

        if (type.Has(Parts.AutoroutePartDriver.PartKind))
        {
            copy.Set(Parts.AutoroutePartDriver.PartKind, null, new Parts.AutoroutePartData());
        }

        return await manager.SaveAsync(copy, 0, SaveMode.Draft, "Kopia", cancellationToken);
    }

    /// <summary>Moves the item to the recycle bin: it disappears from lists and public pages, nothing is lost.</summary>
    public async Task RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        var (_, type) = await manager.RequireAsync(id, cancellationToken);
        var context = new ContentContext((await manager.GetLatestAsync(id, cancellationToken))!, type, User);
        await handlers.BeforeAsync(ContentEvent.Remove, context);
        await db.ContentItems.Where(i => i.ContentItemId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DeletedUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
        await handlers.AfterAsync(ContentEvent.Remove, context);
        await audit.WriteAsync(new AuditEvent("content.remove", "ContentItem", id), cancellationToken);
    }

    /// <summary>Brings an item back from the recycle bin exactly as it was (published stays published).</summary>
    public async Task RestoreAsync(string id, CancellationToken cancellationToken = default)
    {
        var record = await RequireDeletedAsync(id, cancellationToken);
        var type = await manager.RequireTypeAsync(record.ContentType, cancellationToken);
        var context = new ContentContext((await manager.GetLatestAsync(id, cancellationToken))!, type, User);
        await handlers.BeforeAsync(ContentEvent.Restore, context);
        await db.ContentItems.Where(i => i.ContentItemId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DeletedUtc, (DateTime?)null), cancellationToken);
        await handlers.AfterAsync(ContentEvent.Restore, context);
        await audit.WriteAsync(new AuditEvent("content.restore", "ContentItem", id), cancellationToken);
    }

    /// <summary>Deletes an item in the recycle bin for good, with every version.</summary>
    public async Task DestroyAsync(string id, CancellationToken cancellationToken = default)
    {
        var record = await RequireDeletedAsync(id, cancellationToken);
        var children = await db.ContentItems.CountAsync(i => i.ContainerId == id, cancellationToken);
        if (children > 0)
        {
            throw new ContentOperationException(
                $"Listan innehåller {children} objekt. Flytta eller radera dem först.");
        }

        var type = await manager.RequireTypeAsync(record.ContentType, cancellationToken);
        var context = new ContentContext((await manager.GetLatestAsync(id, cancellationToken))!, type, User);
        await handlers.BeforeAsync(ContentEvent.Destroy, context);
        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            await db.ContentItemVersions.Where(v => v.ContentItemId == id).ExecuteDeleteAsync(cancellationToken);
            await db.ContentItems.Where(i => i.ContentItemId == id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await handlers.AfterAsync(ContentEvent.Destroy, context);
        await audit.WriteAsync(new AuditEvent("content.destroy", "ContentItem", id), cancellationToken);
    }

    /// <summary>
    /// Deletes old versions of one item (or of all items when <paramref name="id"/> is null) that the rule does not
    /// keep. The latest and the published version are always kept. Returns how many were deleted.
    /// </summary>
    public async Task<int> PruneAsync(string? id, VersionRetention rule, CancellationToken cancellationToken = default)
    {
        if (!rule.IsValid)
        {
            throw new ContentOperationException("Ange hur många versioner som ska sparas (minst 1) och/eller hur många dagar.");
        }

        var cutoff = rule.YoungerThanDays is { } days ? clock.GetUtcNow().UtcDateTime.AddDays(-days) : (DateTime?)null;
        var candidates = await db.ContentItemVersions.AsNoTracking()
            .Where(v => id == null || v.ContentItemId == id)
            .Select(v => new { v.Id, v.ContentItemId, v.VersionNumber, v.Latest, v.Published, v.ModifiedUtc })
            .ToListAsync(cancellationToken);
        var doomed = new List<long>();
        foreach (var item in candidates.GroupBy(v => v.ContentItemId))
        {
            var ordered = item.OrderByDescending(v => v.VersionNumber).ToList();
            for (var index = 0; index < ordered.Count; index++)
            {
                var version = ordered[index];
                var keptByCount = rule.KeepNewest is { } keep && index < keep;
                var keptByAge = cutoff is { } c && version.ModifiedUtc >= c;
                if (!version.Latest && !version.Published && !keptByCount && !keptByAge)
                {
                    doomed.Add(version.Id);
                }
            }
        }

        foreach (var chunk in doomed.Chunk(500))
        {
            await db.ContentItemVersions.Where(v => chunk.Contains(v.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        if (doomed.Count > 0)
        {
            await audit.WriteAsync(new AuditEvent("content.prune", "ContentItem", id), cancellationToken);
        }

        return doomed.Count;
    }

    /// <summary>Moves a child one step up (-1) or down (+1) in its list. Placement is not a content edit.</summary>
    public async Task MoveAsync(string id, int direction, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id, cancellationToken)
            ?? throw new ContentOperationException("Innehållet finns inte längre.");
        if (item.ContainerId is null)
        {
            return;
        }

        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        var siblings = await db.ContentItems.Where(i => i.ContainerId == item.ContainerId && i.DeletedUtc == null)
            .OrderBy(i => i.Order).ThenBy(i => i.CreatedUtc).ToListAsync(cancellationToken);
        var index = siblings.FindIndex(s => s.ContentItemId == id);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= siblings.Count)
        {
            return;
        }

        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Order = i;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ContentItemRecord> RequireDeletedAsync(string id, CancellationToken cancellationToken)
    {
        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id, cancellationToken)
            ?? throw new ContentOperationException("Innehållet finns inte längre.");
        return record.DeletedUtc is null
            ? throw new ContentOperationException("Innehållet ligger inte i papperskorgen.")
            : record;
    }
}
