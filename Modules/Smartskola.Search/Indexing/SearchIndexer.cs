using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Fields;
using Smartskola.ContentManagement.Items;
using Smartskola.Search.Data;
using Smartskola.Search.Text;

namespace Smartskola.Search.Indexing;

/// <summary>
/// Keeps <see cref="SearchDocument"/> rows in step with content: one for the published version and one for the
/// latest, each with the title and the readable text of the item's rich-text and text fields. Items in the
/// recycle bin are not indexed.
/// </summary>
public sealed class SearchIndexer(SearchDbContext db, ContentSet content, ContentQuery query,
    ContentDefinitionManager definitions, TimeProvider clock)
{
    private static readonly HashSet<string> TextKinds = ["HtmlBodyPart", "HtmlField", "TextField"];

    public async Task IndexAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var record = await query.RecordAsync(contentItemId, cancellationToken);
        var type = record is null ? null : await definitions.GetAsync(record.ContentType, cancellationToken);
        var alive = record is not null && record.DeletedUtc is null && type is not null;
        var published = alive ? await content.LoadOneAsync(contentItemId, latest: false, cancellationToken) : null;
        var latest = alive ? await content.LoadOneAsync(contentItemId, latest: true, cancellationToken) : null;
        await WriteAsync(contentItemId, SearchScope.Published, published, type, cancellationToken);
        await WriteAsync(contentItemId, SearchScope.Latest, latest, type, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Empties the index and indexes every item again (after an upgrade, or if the index was lost).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await db.Documents.ExecuteDeleteAsync(cancellationToken);
        var ids = await query.AllIdsAsync(cancellationToken);
        foreach (var id in ids)
        {
            await IndexAsync(id, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return ids.Count;
    }

    private async Task WriteAsync(string id, SearchScope scope, ContentItem? item, ContentTypeDefinition? type,
        CancellationToken cancellationToken)
    {
        var existing = await db.Documents.FirstOrDefaultAsync(d => d.ContentItemId == id && d.Scope == scope, cancellationToken);
        if (item is null || type is null)
        {
            if (existing is not null)
            {
                db.Documents.Remove(existing);
            }

            return;
        }

        var document = existing ?? db.Documents.Add(new SearchDocument { ContentItemId = id, Scope = scope }).Entity;
        document.ContentType = item.ContentType;
        document.Title = ContentTitles.Of(item, type);
        document.Text = TextOf(item, type);
        document.TitleTerms = SearchText.Terms(document.Title);
        document.Terms = SearchText.Terms(document.Text);
        document.IndexedUtc = clock.GetUtcNow().UtcDateTime;
    }

    private static string TextOf(ContentItem item, ContentTypeDefinition type)
    {
        var texts = new List<string>();
        foreach (var part in type.Parts)
        {
            if (TextKinds.Contains(part.Kind))
            {
                texts.Add(ElementText(item, part.Name, null, part.Kind));
            }

            foreach (var field in part.Fields.Where(f => TextKinds.Contains(f.Kind)))
            {
                texts.Add(ElementText(item, part.Name, field.Name, field.Kind));
            }
        }

        return string.Join("\n", texts.Where(t => t.Length > 0));
    }

    private static string ElementText(ContentItem item, string part, string? field, string kind) =>
        kind == "TextField"
            ? item.Get<TextFieldData>(part, field).Text
            : HtmlText.ToText(item.Get<RichTextData>(part, field).Html);
}
