using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Users.Data;

namespace Smartskola.Users.Pages.Admin.Units;

/// <summary>
/// A unit and its staff. Only members (and administrators) may look; for anyone else the unit does not exist
/// (404), so ids cannot be probed.
/// </summary>
[RequirePermission(CorePermissions.StaffArea)]
public sealed class DetailsModel(UsersDbContext db, IAuditLog audit) : PageModel
{
    public CareUnit Unit { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var allowed = User.HasPermission(UsersPermissions.ManageUnits)
            || (User.HasPermission(UsersPermissions.ViewOwnUnits) && User.IsMemberOfUnit(id));
        if (!allowed)
        {
            await audit.WriteAsync(new AuditEvent("unit.view", "CareUnit", id.ToString()) { Outcome = AuditOutcome.Denied });
            return NotFound();
        }

        var unit = await db.CareUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        var members = await db.UserCareUnits.Where(m => m.CareUnitId == id)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => new { u.Id, u.DisplayName, u.Email })
            .OrderBy(u => u.DisplayName)
            .ToListAsync();
        var memberIds = members.Select(m => m.Id).ToList();
        var roles = await db.UserRoles.Where(ur => memberIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        Members = members
            .Select(m => new MemberRow(m.DisplayName, m.Email ?? string.Empty,
                string.Join(", ", roles.Where(r => r.UserId == m.Id).Select(r => Roles.DisplayName(r.Name!)).Order())))
            .ToList();
        await audit.WriteAsync(new AuditEvent("unit.view", "CareUnit", id.ToString()) { UnitId = id });
        return Page();
    }

    public sealed record MemberRow(string Name, string Email, string Roles);
}
