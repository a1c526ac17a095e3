using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Navigation;
using Smartskola.Core.Security;

namespace Smartskola.Dashboard.Pages.Admin;

[RequirePermission(CorePermissions.StaffArea)]
public sealed class IndexModel(IReadOnlyList<AdminMenuItem> menu) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public IReadOnlyList<AdminMenuItem> Shortcuts { get; private set; } = [];

    public void OnGet()
    {
        Name = User.DisplayName();
        RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.DisplayName).ToList();
        Shortcuts = menu.Where(i => User.HasPermission(i.Permission)).DistinctBy(i => i.Url).ToList();
    }
}
