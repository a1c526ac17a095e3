using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Recipes;

/// <summary>What to export: type definitions by name, and items by type and/or by id.</summary>
public sealed record ExportSelection(IReadOnlyCollection<string> DefinitionTypes, IReadOnlyCollection<string> ItemTypes,
    IReadOnlyCollection<string> ItemIds, bool IncludeRecycleBin = false);

/// <summary>
/// Writes selected definitions and items as a recipe that the <c>contentDefinition</c> and <c>content</c> steps read
/// back: every version with its state, containers before their children.
/// </summary>
public sealed class ContentExporter(ContentDbContext db, ContentDefinitionManager definitions, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new(ContentItem.Json) { WriteIndented = true };

    public async Task<byte[]> ExportAsync(ExportSelection selection, CancellationToken cancellationToken = default)
    {
        var steps = new JsonArray();
        var types = (await definitions.ListAsync(cancellationToken)).Where(t => selection.DefinitionTypes.Contains(t.Name)).ToList();
        if (types.Count > 0)
        {
            steps.Add(new JsonObject
            {
                ["name"] = ContentDefinitionRecipeStep.StepName,
                ["types"] = new JsonArray(types.Select(t =>
                    JsonSerializer.SerializeToNode(t, DefinitionJsonContext.Default.ContentTypeDefinition)).ToArray()),
            });
        }

        var items = await ItemsAsync(selection, cancellationToken);
        if (items.Count > 0)
        {
            steps.Add(new JsonObject
            {
                ["name"] = "content",
                ["items"] = JsonSerializer.SerializeToNode(items, ContentItem.Json),
            });
        }

        var recipe = new JsonObject
        {
            ["name"] = $"export-{clock.GetUtcNow():yyyyMMdd-HHmmss}",
            ["description"] = "Exporterat från Smärtskola",
            ["steps"] = steps,
        };
        return JsonSerializer.SerializeToUtf8Bytes(recipe, Indented);
    }

    private async Task<List<RecipeContentItem>> ItemsAsync(ExportSelection selection, CancellationToken cancellationToken)
    {
        var records = await db.ContentItems.AsNoTracking()
            .Where(i => selection.ItemTypes.Contains(i.ContentType) || selection.ItemIds.Contains(i.ContentItemId))
            .Where(i => selection.IncludeRecycleBin || i.DeletedUtc == null)
            .ToListAsync(cancellationToken);
        var ids = records.Select(r => r.ContentItemId).ToList();
        var versions = (await db.ContentItemVersions.AsNoTracking().Where(v => ids.Contains(v.ContentItemId))
                .OrderBy(v => v.VersionNumber).ToListAsync(cancellationToken))
            .ToLookup(v => v.ContentItemId);

        return OrderParentsFirst(records).Select(r => new RecipeContentItem
        {
            ContentItemId = r.ContentItemId,
            ContentType = r.ContentType,
            Container = r.ContainerId,
            Order = r.ContainerId is null ? null : r.Order,
            Owner = r.Owner,
            OwnerName = r.OwnerName,
            CreatedUtc = r.CreatedUtc,
            DeletedUtc = r.DeletedUtc,
            Versions = versions[r.ContentItemId].Select(v => new RecipeContentVersion
            {
                ContentItemVersionId = v.ContentItemVersionId,
                VersionNumber = v.VersionNumber,
                Latest = v.Latest,
                Published = v.Published,
                Author = v.Author,
                AuthorName = v.AuthorName,
                ModifiedUtc = v.ModifiedUtc,
                PublishedUtc = v.PublishedUtc,
                Note = v.Note,
                Content = JsonNode.Parse(v.Data) as JsonObject ?? [],
            }).ToList(),
        }).ToList();
    }

    /// <summary>Depth-first by container so every list precedes its children; stable by order and creation.</summary>
    private static IEnumerable<ContentItemRecord> OrderParentsFirst(List<ContentItemRecord> records)
    {
        var selected = records.Select(r => r.ContentItemId).ToHashSet();
        var byContainer = records.ToLookup(r => r.ContainerId is { } c && selected.Contains(c) ? c : string.Empty);
        var ordered = new List<ContentItemRecord>();
        void Visit(string key)
        {
            foreach (var record in byContainer[key].OrderBy(r => r.Order).ThenBy(r => r.CreatedUtc).ThenBy(r => r.ContentItemId))
            {
                ordered.Add(record);
                Visit(record.ContentItemId);
            }
        }

        Visit(string.Empty);
        return ordered;
    }
}
