namespace Smartskola.Forms.Data;

/// <summary>Who else may use a template.</summary>
public enum SharingScope
{
    Private = 0,
    ChosenUnits = 1,
    AllUnits = 2,
}

/// <summary>
/// What the forms module keeps about a template beyond its content item (whose versions hold the definitions):
/// the owning care unit, sharing, retirement and where a copy came from. Key: the content item id.
/// </summary>
public sealed class FormTemplate
{
    public string ContentItemId { get; set; } = string.Empty;

    public Guid OwnerUnitId { get; set; }

    public SharingScope Scope { get; set; }

    /// <summary>Set when retired: no new dispatches; existing answers and dispatches are kept.</summary>
    public DateTime? RetiredUtc { get; set; }

    /// <summary>For a copy: the template (and its version) it was copied from.</summary>
    public string? CopiedFromId { get; set; }

    public int? CopiedFromVersion { get; set; }

    /// <summary>A citizen can start this form from a public link (<see cref="CitizenLinkToken"/>), landing in the owner's inbox.</summary>
    public string? CitizenLinkToken { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Changes with every change to the row (sharing, retirement): concurrent edits are detected.</summary>
    public Guid Version { get; set; }
}

/// <summary>A unit a <see cref="SharingScope.ChosenUnits"/> template is shared with.</summary>
public sealed class FormTemplateShare
{
    public string TemplateId { get; set; } = string.Empty;

    public Guid UnitId { get; set; }
}

/// <summary>A unit using another unit's shared template as it is: always its newest published version.</summary>
public sealed class FormSubscription
{
    public Guid UnitId { get; set; }

    public string TemplateId { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public Guid CreatedBy { get; set; }
}

/// <summary>
/// A unit's licensed wording for an instrument template (HADS, EQ-5D): item texts and option texts by key
/// ("f3" or "f3.2" for option code 2), plus the licence reference. Never part of a recipe or the repository.
/// </summary>
public sealed class FormTextPack
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string TemplateId { get; set; } = string.Empty;

    public string TextsJson { get; set; } = "{}";

    public string LicenceReference { get; set; } = string.Empty;

    public DateTime ModifiedUtc { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// A published version's definition, kept by the forms module (written when the version is published). Responses
/// name the version they answered; this row is what they are read, scored and exported against, and it is never
/// changed or pruned with the content history.
/// </summary>
public sealed class FormTemplateVersion
{
    public string TemplateId { get; set; } = string.Empty;

    public int Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public string DefinitionJson { get; set; } = "{}";

    public DateTime PublishedUtc { get; set; }
}
