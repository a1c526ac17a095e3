using System.Security.Claims;

namespace Smartskola.Core.Security;

public static class SmartskolaClaims
{
    /// <summary>One claim per care unit the user belongs to; the value is the unit id.</summary>
    public const string CareUnit = "care_unit";

    public const string DisplayName = "display_name";
}

public static class ClaimsPrincipalExtensions
{
    public static bool HasPermission(this ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(Permission.ClaimType, permission);

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(SmartskolaClaims.DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static IReadOnlySet<Guid> CareUnitIds(this ClaimsPrincipal user) =>
        user.FindAll(SmartskolaClaims.CareUnit)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToHashSet();

    /// <summary>Unit-owned data is visible only to members of that unit, whatever their role.</summary>
    public static bool IsMemberOfUnit(this ClaimsPrincipal user, Guid unitId) => user.CareUnitIds().Contains(unitId);

    public static bool IsStaff(this ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);
}
