using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Security;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

/// <summary>
/// Grants each permission the site has not seen before to its default roles and remembers it, so a grant an
/// administrator later removes stays removed. Used at start-up for module permissions and at run time for
/// permissions that appear with data (a new securable content type).
/// </summary>
public sealed class PermissionDefaults(RoleManager<Role> roleManager, UsersDbContext db, TimeProvider clock)
    : IPermissionDefaults
{
    public async Task ApplyAsync(IEnumerable<Permission> permissions, CancellationToken cancellationToken = default)
    {
        var known = await db.KnownPermissions.Select(p => p.Name).ToListAsync(cancellationToken);
        foreach (var permission in permissions.Where(p => !known.Contains(p.Name)))
        {
            foreach (var roleName in permission.DefaultRoles)
            {
                var role = await roleManager.FindByNameAsync(roleName)
                    ?? throw new InvalidOperationException($"Permission '{permission.Name}' names unknown role '{roleName}'.");
                await GrantAsync(role, permission.Name);
            }

            db.KnownPermissions.Add(new KnownPermission { Name = permission.Name, FirstSeenUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            known.Add(permission.Name);
        }
    }

    private async Task GrantAsync(Role role, string permission)
    {
        var claims = await roleManager.GetClaimsAsync(role);
        if (!claims.Any(c => c.Type == Permission.ClaimType && c.Value == permission))
        {
            await roleManager.AddClaimAsync(role, new Claim(Permission.ClaimType, permission));
        }
    }
}
