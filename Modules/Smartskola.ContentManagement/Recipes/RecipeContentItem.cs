using System.Text.Json.Nodes;

namespace Smartskola.ContentManagement.Recipes;

/// <summary>
/// An item in a <c>content</c> step. Either <see cref="Versions"/> (what export writes: every version with its
/// state) or the short form <see cref="Content"/> + <see cref="Published"/> (hand-written recipes).
/// </summary>
public sealed class RecipeContentItem
{
    public string? ContentItemId { get; set; }

    public string ContentType { get; set; } = string.Empty;

    /// <summary>The containing list's item id (it must come earlier in the recipe or exist on the site).</summary>
    public string? Container { get; set; }

    public int? Order { get; set; }

    public Guid? Owner { get; set; }

    public string? OwnerName { get; set; }

    public DateTime? CreatedUtc { get; set; }

    public DateTime? DeletedUtc { get; set; }

    public List<RecipeContentVersion>? Versions { get; set; }

    public JsonObject? Content { get; set; }

    public bool Published { get; set; }
}

public sealed class RecipeContentVersion
{
    public string? ContentItemVersionId { get; set; }

    public int VersionNumber { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public Guid? Author { get; set; }

    public string? AuthorName { get; set; }

    public DateTime? ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public string? Note { get; set; }

    public JsonObject Content { get; set; } = [];
}
