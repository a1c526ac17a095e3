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

        if (typed.Length > 0 && await TakenAsync(item.ContentItemId, record.ContainerKey, typed, cancellationToken))
        {
            throw new ContentValidationException(new Dictionary<string, string>
            {
                [SlugField] = $"Adressen \"{typed}\" används redan av ett annat objekt på samma nivå. Välj en annan.",
            });
        }

        var slug = wanted;
        for (var n = 2; await TakenAsync(item.ContentItemId, record.ContainerKey, slug, cancellationToken); n++)
        {
            var suffix = $"-{n}";
            slug = (wanted.Length + suffix.Length > Slugs.MaxLength ? wanted[..(Slugs.MaxLength - suffix.Length)] : wanted) + suffix;
        }

        item.Set(AutoroutePartDriver.PartKind, null, new AutoroutePartData { Slug = slug });
    }

    /// <summary>Whether another sibling holds the slug, as draft or published; "objekt" is reserved at the top level.</summary>
    private async Task<bool> TakenAsync(string id, string containerKey, string slug, CancellationToken cancellationToken) =>
        (containerKey.Length == 0 && slug == ContentQuery.ByIdSegment)
        || await db.ContentItems.AsNoTracking().AnyAsync(
            i => i.ContainerKey == containerKey && i.ContentItemId != id && (i.Slug == slug || i.PublishedSlug == slug),
            cancellationToken);
}
