using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Leases;
using Smartskola.Core.Modules;
using Smartskola.Core.Security;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

/// <summary>
/// Makes sure the built-in roles exist and grants each newly declared permission to its default roles, once.
/// A grant an administrator later removes stays removed; a module added in an upgrade gets its defaults.
/// </summary>
public sealed class RolePermissionInitializer(
    RoleManager<Role> roleManager,
    UsersDbContext db,
    ModuleCatalog catalog,
    ILeaseService leases,
    TimeProvider clock) : IStartupTask
{
    private const string LeaseName = "users.permission-defaults";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Several instances may start together on a fresh database; one of them does this.
        while (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(2), cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        try
        {
            await ApplyAsync(cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, cancellationToken);
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        foreach (var roleName in Roles.All)
        {
            if (await roleManager.FindByNameAsync(roleName) is null)
            {
                await roleManager.CreateAsync(new Role { Id = Guid.NewGuid(), Name = roleName });
            }
        }

        var known = await db.KnownPermissions.Select(p => p.Name).ToListAsync(cancellationToken);
        foreach (var permission in catalog.Permissions.Where(p => !known.Contains(p.Name)))
        {
            foreach (var roleName in permission.DefaultRoles)
            {
                var role = await roleManager.FindByNameAsync(roleName)
                    ?? throw new InvalidOperationException($"Permission '{permission.Name}' names unknown role '{roleName}'.");
                await GrantAsync(role, permission.Name);
            }

            db.KnownPermissions.Add(new KnownPermission { Name = permission.Name, FirstSeenUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
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
