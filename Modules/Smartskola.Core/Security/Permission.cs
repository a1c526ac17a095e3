namespace Smartskola.Core.Security;

/// <summary>
/// A named right declared by a module. Roles are granted permissions (stored as role claims); the
/// default roles get it when the permission first appears on a site, after which administrators own the grants.
/// </summary>
public sealed record Permission(string Name, string DisplayName, IReadOnlyList<string> DefaultRoles)
{
    public const string ClaimType = "permission";
}
