namespace Smartskola.Users.Data;

/// <summary>A vårdenhet. Staff belong to one or more; data owned by a unit is visible only inside it.</summary>
public sealed class CareUnit
{
    public Guid Id { get; set; }

    /// <summary>Short stable code (e.g. an HSA id), unique; recipes refer to units by it.</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }
}

public sealed class UserCareUnit
{
    public Guid UserId { get; set; }

    public Guid CareUnitId { get; set; }
}

/// <summary>A permission the site has seen; its default grants were applied once, when it first appeared.</summary>
public sealed class KnownPermission
{
    public string Name { get; set; } = string.Empty;

    public DateTime FirstSeenUtc { get; set; }
}
