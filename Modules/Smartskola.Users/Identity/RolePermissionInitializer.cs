using Microsoft.AspNetCore.Identity;
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
    ModuleCatalog catalog,
    IPermissionDefaults defaults,
    ILeaseService leases) : IStartupTask
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

        await defaults.ApplyAsync(catalog.Permissions, cancellationToken);
    }
}
