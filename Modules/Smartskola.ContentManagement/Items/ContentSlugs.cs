using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Parts;

namespace Smartskola.ContentManagement.Items;

/// <summary>
/// Gives an item with an AutoroutePart a slug unique among its siblings (drafts and published alike). A slug the
/// editor typed that is taken is an error; one made from the title gets "-2", "-3", … The unique indexes on
/// <c>ContentItems</c> are the backstop for races.
/// </summary>
public sealed class ContentSlugs(ContentDbContext db)
{
    public const string SlugField = "c.AutoroutePart.Slug";

    public async Task AssignAsync(ContentItem item, ContentTypeDefinition type, ContentItemRecord record,
        CancellationToken cancellationToken)
    {
        if (!type.Has(AutoroutePartDriver.PartKind))
        {
            return;
        }

        var typed = item.Get<AutoroutePartData>(AutoroutePartDriver.PartKind).Slug.Trim();
        var wanted = typed.Length > 0 ? typed : Slugs.From(ContentTitles.Of(item, type));
        if (wanted.Length == 0)
        {
            wanted = Slugs.From(type.DisplayName);
        }

        var taken = await TakenAsync(item.ContentItemId, record.ContainerKey, wanted, cancellationToken);
        if (record.ContainerKey.Length == 0)
        {
            taken.Add(ContentQuery.ByIdSegment);
        }

        if (typed.Length > 0 && taken.Contains(typed))
        {
            throw new ContentValidationException(new Dictionary<string, string>
            {
                [SlugField] = $"Adressen \"{typed}\" används redan av ett annat objekt på samma nivå. Välj en annan.",
            });
        }

        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++)
        {
            var suffix = $"-{n}";
            slug = (wanted.Length + suffix.Length > Slugs.MaxLength ? wanted[..(Slugs.MaxLength - suffix.Length)] : wanted) + suffix;
        }

        item.Set(AutoroutePartDriver.PartKind, null, new AutoroutePartData { Slug = slug });
    }

    private async Task<HashSet<string>> TakenAsync(string id, string containerKey, string prefix,
        CancellationToken cancellationToken)
    {
        var siblings = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContainerKey == containerKey && i.ContentItemId != id)
            .Where(i => (i.Slug != null && i.Slug.StartsWith(prefix)) || (i.PublishedSlug != null && i.PublishedSlug.StartsWith(prefix)))
            .Select(i => new { i.Slug, i.PublishedSlug })
            .ToListAsync(cancellationToken);
        return siblings.SelectMany(s => new[] { s.Slug, s.PublishedSlug }).OfType<string>().ToHashSet();
    }
}
