namespace Smartskola.ContentManagement.Data;

/// <summary>A content type definition, stored as JSON. <see cref="Revision"/> detects concurrent edits.</summary>
public sealed class ContentTypeRecord
{
    public string Name { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string DefinitionJson { get; set; } = "{}";

    public int Revision { get; set; }

    public DateTime ModifiedUtc { get; set; }
}

/// <summary>
/// One row per content item: the projection of what is queried (type, title, slugs, container and order,
/// status) plus item-level state (placement, soft deletion). Rebuilt from the versions on every change.
/// </summary>
public sealed class ContentItemRecord
{
    public string ContentItemId { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    /// <summary>Title of the latest version.</summary>
    public string DisplayText { get; set; } = string.Empty;

    /// <summary>Title of the published version: what patients may see in lists and breadcrumbs.</summary>
    public string? PublishedDisplayText { get; set; }

    /// <summary>Slug of the latest version (reserved among siblings).</summary>
    public string? Slug { get; set; }

    /// <summary>Slug of the published version: what the public URL resolves.</summary>
    public string? PublishedSlug { get; set; }

    /// <summary>The list this item belongs to. Placement is not versioned: reordering is not an edit.</summary>
    public string? ContainerId { get; set; }

    /// <summary><see cref="ContainerId"/> or "" for top-level items, so sibling uniqueness also holds at the top.</summary>
    public string ContainerKey { get; set; } = string.Empty;

    public int Order { get; set; }

    public ContentStatus Status { get; set; }

    public int LatestVersion { get; set; }

    public int? PublishedVersion { get; set; }

    public Guid? Owner { get; set; }

    public string? OwnerName { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>Set when the item is in the recycle bin (soft delete); an administrator can restore it.</summary>
    public DateTime? DeletedUtc { get; set; }
}

public enum ContentStatus
{
    Draft = 0,
    Published = 1,
    PublishedWithDraft = 2,
}

/// <summary>One version of a content item: the document (JSON) and its state flags.</summary>
public sealed class ContentItemVersionRecord
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = string.Empty;

    public string ContentItemVersionId { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public int VersionNumber { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public Guid? Owner { get; set; }

    public string? OwnerName { get; set; }

    public Guid? Author { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>When the item (not this version) was created.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When this version was saved.</summary>
    public DateTime ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>Why this version exists when it is not a plain save, e.g. "Återställd från version 2".</summary>
    public string? Note { get; set; }

    public string Data { get; set; } = "{}";
}
