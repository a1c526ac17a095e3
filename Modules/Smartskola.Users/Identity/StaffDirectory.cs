using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

public sealed class StaffDirectory(UsersDbContext db, TimeProvider clock) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMember>> InUnitAsync(Guid unitId, string role, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var ids = await (
            from membership in db.UserCareUnits
            join userRole in db.UserRoles on membership.UserId equals userRole.UserId
            join r in db.Roles on userRole.RoleId equals r.Id
            where membership.CareUnitId == unitId && r.Name == role
            select membership.UserId).Distinct().ToListAsync(cancellationToken);
        var found = await FindAsync(ids, cancellationToken);
        // Blocked accounts (lockout to the far future) cannot take on patients.
        var blocked = await db.Users.Where(u => ids.Contains(u.Id) && u.LockoutEnd != null).Select(u => new { u.Id, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var blockedIds = blocked.Where(b => b.LockoutEnd > now.AddYears(1)).Select(b => b.Id).ToHashSet();
        return found.Values.Where(s => !blockedIds.Contains(s.Id)).OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, StaffMember>> FindAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var units = (await db.UserCareUnits.AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(cancellationToken))
            .ToLookup(m => m.UserId, m => m.CareUnitId);
        return users.ToDictionary(u => u.Id,
            u => new StaffMember(u.Id, u.DisplayName, u.Email ?? string.Empty, units[u.Id].ToHashSet()));
    }

    public async Task<StaffMember?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? (await FindAsync([found], cancellationToken)).GetValueOrDefault(found) : null;
    }
}
