using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Handlers;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Recipes;

namespace Smartskola.ContentManagement.Recipes;

/// <summary>
/// <c>{"name": "content", "items": [ … ]}</c> (see <see cref="RecipeContentItem"/>). A new item is written exactly
/// as given, versions and all; for an item that already exists the recipe's latest version is saved on top of it
/// as a new version (published if the recipe says so), so an import never rewrites history.
/// </summary>
public sealed partial class ContentRecipeStep(
    ContentDbContext db,
    ContentDefinitionManager definitions,
    ContentManager manager,
    IEnumerable<IContentImportListener> listeners) : IRecipeStep
{
    public string Name => "content";

    public async Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context,
        CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var known = (await definitions.ListAsync(cancellationToken)).Select(t => t.Name).ToHashSet();
        if (context.Declared.TryGetValue(ContentDefinitionRecipeStep.StepName, out var declared))
        {
            known.UnionWith(declared);
        }

        var items = RecipeJson.Array(step, "items", errors);
        var ids = new HashSet<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"items[{i}]";
            RecipeContentItem? item;
            try
            {
                item = items[i].Deserialize<RecipeContentItem>(ContentItem.Json);
            }
            catch (JsonException exception)
            {
                errors.Add($"{where}: fel form vid '{exception.Path}'.");
                continue;
            }

            if (item is null)
            {
                errors.Add($"{where}: saknas.");
                continue;
            }

            if (!known.Contains(item.ContentType))
            {
                errors.Add($"{where}: 'contentType' '{item.ContentType}' finns inte (varken på webbplatsen eller tidigare i receptet).");
            }

            if (item.ContentItemId is { } id && (!Id().IsMatch(id) || !ids.Add(id)))
            {
                errors.Add($"{where}: 'contentItemId' '{id}' är ogiltigt eller förekommer två gånger (32 tecken 0–9 och a–f, som webbplatsens egna id).");
            }

            if (item.Versions is { } versions)
            {
                ValidateVersions(versions, where, errors);
            }
            else if (item.Content is null)
            {
                errors.Add($"{where}: ange 'versions' eller 'content'.");
            }
        }

        return errors;
    }

    private static void ValidateVersions(List<RecipeContentVersion> versions, string where, List<string> errors)
    {
        if (versions.Count == 0)
        {
            errors.Add($"{where}.versions: minst en version behövs.");
        }

        if (versions.Count(v => v.Latest) != 1)
        {
            errors.Add($"{where}.versions: exakt en version ska ha 'latest': true.");
        }

        if (versions.Count(v => v.Published) > 1)
        {
            errors.Add($"{where}.versions: högst en version får ha 'published': true.");
        }

        if (versions.Any(v => v.VersionNumber < 1) || versions.Select(v => v.VersionNumber).Distinct().Count() != versions.Count)
        {
            errors.Add($"{where}.versions: 'versionNumber' måste vara unika heltal från 1.");
        }

        if (versions.Where(v => v.Latest).Any(l => versions.Any(v => v.VersionNumber > l.VersionNumber)))
        {
            errors.Add($"{where}.versions: den senaste versionen ('latest') måste ha högst versionsnummer.");
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var items = step.GetProperty("items").EnumerateArray()
            .Select(e => e.Deserialize<RecipeContentItem>(ContentItem.Json)!).ToList();
        var imported = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var type = await definitions.GetAsync(item.ContentType, cancellationToken)
                ?? throw new RecipeStepException($"items[{i}]: innehållstypen '{item.ContentType}' finns inte.");
            if (item.Container is { } container && !await db.ContentItems.AnyAsync(c => c.ContentItemId == container, cancellationToken))
            {
                throw new RecipeStepException($"items[{i}]: 'container' '{container}' finns inte (listan måste komma före sina objekt).");
            }

            var existing = item.ContentItemId is { } id
                ? await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == id, cancellationToken)
                : null;
            try
            {
                if (existing is null)
                {
                    imported.Add(await ImportNewAsync(item, type, cancellationToken));
                }
                else if (existing.ContentType != item.ContentType)
                {
                    throw new RecipeStepException(
                        $"items[{i}]: '{existing.ContentItemId}' finns redan som {existing.ContentType}, inte {item.ContentType}.");
                }
                else
                {
                    await ImportOnTopAsync(existing, item, cancellationToken);
                    imported.Add(existing.ContentItemId);
                }
            }
            catch (Exception exception) when (exception is ContentOperationException or ContentValidationException
                or ContentConflictException or DbUpdateException)
            {
                var message = exception is ContentValidationException invalid
                    ? string.Join(" ", invalid.Errors.Values)
                    : exception is DbUpdateException or ContentConflictException
                        ? "krockar med befintligt innehåll (samma id eller adress)."
                        : exception.Message;
                throw new RecipeStepException($"items[{i}] ({item.ContentType}): {message}");
            }
        }

        // Items written with their whole history bypass the content events; tell the derived indexes once.
        foreach (var listener in listeners)
        {
            await listener.ImportedAsync(imported, cancellationToken);
        }
    }

    /// <summary>
    /// An item the site already has: its history stays; the recipe's published version (if any) is saved and
    /// published on top, then the recipe's latest as a draft when it differs.
    /// </summary>
    private async Task ImportOnTopAsync(ContentItemRecord existing, RecipeContentItem source, CancellationToken cancellationToken)
    {
        var steps = source.Versions is { } versions
            ? versions.Where(v => v.Published || v.Latest).OrderBy(v => v.VersionNumber).Select(v => (v.Content, v.Published)).ToList()
            : [(source.Content!, source.Published)];
        foreach (var (content, published) in steps)
        {
            var current = (await manager.GetLatestAsync(existing.ContentItemId, cancellationToken))!;
            // Running the same recipe again is a no-op: unchanged content keeps its version (a save without a note
            // only publishes it if asked). New versions would, for instance, move form answers to a "new" template.
            var unchanged = System.Text.Json.Nodes.JsonNode.DeepEquals(current.Content, content);
            current.Content = content;
            await manager.SaveAsync(current, current.VersionNumber, published ? SaveMode.Publish : SaveMode.Draft,
                unchanged ? null : "Importerad från recept", cancellationToken);
        }
    }

    /// <returns>The new item's id.</returns>
    private async Task<string> ImportNewAsync(RecipeContentItem source, ContentTypeDefinition type, CancellationToken cancellationToken)
    {
        if (source.Versions is null)
        {
            var item = manager.New(type.Name, source.Container);
            item.ContentItemId = source.ContentItemId ?? item.ContentItemId;
            item.Content = source.Content!;
            item.Order = source.Order ?? 0;
            item.Owner = source.Owner;
            item.OwnerName = source.OwnerName;
            await manager.SaveAsync(item, 0, source.Published ? SaveMode.Publish : SaveMode.Draft, cancellationToken: cancellationToken);
            return item.ContentItemId;
        }

        var versions = source.Versions.OrderBy(v => v.VersionNumber).ToList();
        var created = source.CreatedUtc ?? versions[0].ModifiedUtc ?? DateTime.UtcNow;
        var record = new ContentItemRecord
        {
            ContentItemId = source.ContentItemId ?? ContentItem.NewId(),
            ContentType = type.Name,
            ContainerId = source.Container,
            ContainerKey = source.Container ?? string.Empty,
            Order = source.Order ?? 0,
            Owner = source.Owner,
            OwnerName = source.OwnerName,
            CreatedUtc = created,
            DeletedUtc = source.DeletedUtc,
        };
        db.ContentItems.Add(record);
        var rows = versions.Select(v => new ContentItemVersionRecord
        {
            ContentItemId = record.ContentItemId,
            ContentItemVersionId = v.ContentItemVersionId ?? ContentItem.NewId(),
            ContentType = type.Name,
            VersionNumber = v.VersionNumber,
            Latest = v.Latest,
            Published = v.Published,
            Owner = source.Owner,
            OwnerName = source.OwnerName,
            Author = v.Author,
            AuthorName = v.AuthorName,
            CreatedUtc = created,
            ModifiedUtc = v.ModifiedUtc ?? created,
            PublishedUtc = v.Published ? v.PublishedUtc ?? v.ModifiedUtc ?? created : v.PublishedUtc,
            Note = v.Note,
            Data = v.Content.ToJsonString(),
        }).ToList();
        db.ContentItemVersions.AddRange(rows);
        var latest = ContentItem.From(rows.Single(r => r.Latest), record);
        var published = rows.SingleOrDefault(r => r.Published) is { } p ? ContentItem.From(p, record) : null;
        ContentProjection.Apply(record, type, latest, published);
        await db.SaveChangesAsync(cancellationToken);
        return record.ContentItemId;
    }

    [GeneratedRegex("^[a-f0-9]{32}$")]
    private static partial Regex Id();
}
