using Smartskola.Core.Navigation;
using Smartskola.Core.Security;

namespace Smartskola.Core.Modules;

/// <summary>The modules the host was built from, in configuration order, and what they declared.</summary>
public sealed class ModuleCatalog
{
    public ModuleCatalog(IEnumerable<ModuleStartup> modules)
    {
        Modules = modules.OrderBy(m => m.Order).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var duplicate = Modules.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Module '{duplicate.Key}' is registered twice.");
        }

        Permissions = Modules.SelectMany(m => m.Permissions).ToList();
        var duplicatePermission = Permissions.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicatePermission is not null)
        {
            throw new InvalidOperationException($"Permission '{duplicatePermission.Key}' is declared twice.");
        }

        AdminMenu = Modules.SelectMany(m => m.AdminMenu).OrderBy(i => i.Order).ThenBy(i => i.Text).ToList();
    }

    public IReadOnlyList<ModuleStartup> Modules { get; }

    public IReadOnlyList<Permission> Permissions { get; }

    public IReadOnlyList<AdminMenuItem> AdminMenu { get; }
}
