using Smartskola.Core.Modules;

namespace Smartskola.Core.Security;

/// <summary>
/// Permissions that exist only at run time, such as the per-type permissions of securable content types.
/// Static permissions are declared on <see cref="ModuleStartup.Permissions"/> instead.
/// </summary>
public interface IPermissionSource
{
    Task<IReadOnlyList<Permission>> GetPermissionsAsync(CancellationToken cancellationToken = default);
}

/// <summary>Grants newly appearing permissions to their default roles, once (administrators own the grants afterwards).</summary>
public interface IPermissionDefaults
{
    Task ApplyAsync(IEnumerable<Permission> permissions, CancellationToken cancellationToken = default);
}

/// <summary>Every permission on the site: the modules' static ones followed by those of the run-time sources.</summary>
public sealed class PermissionCatalog(ModuleCatalog modules, IEnumerable<IPermissionSource> sources)
{
    public async Task<IReadOnlyList<Permission>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<Permission>(modules.Permissions);
        foreach (var source in sources)
        {
            all.AddRange(await source.GetPermissionsAsync(cancellationToken));
        }

        return all.DistinctBy(p => p.Name).ToList();
    }
}
