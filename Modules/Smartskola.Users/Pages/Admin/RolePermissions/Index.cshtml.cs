using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Users.Data;

namespace Smartskola.Users.Pages.Admin.RolePermissions;

/// <summary>Which role holds which permission. Changes reach signed-in users within a minute.</summary>
[RequirePermission(UsersPermissions.ManageUsers)]
public sealed class IndexModel(RoleManager<Role> roles, UsersDbContext db, PermissionCatalog catalog,
    SharedDbConnection connection, IAuditLog audit) : PageModel
{
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public IReadOnlyList<Permission> Permissions { get; private set; } = [];

    public HashSet<string> Grants { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Fingerprint of the grants the form was built from; a different one on save means someone else saved.</summary>
    public string Version => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\n', Grants.Order(StringComparer.Ordinal)))));

    public static string Key(string role, string permission) => $"{role}|{permission}";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(List<string> grant, string? version)
    {
        await LoadAsync();
        if (version != Version)
        {
            StatusMessage = "Behörigheterna har ändrats av någon annan sedan du öppnade sidan. Inget sparades; se de aktuella valen nedan.";
            return RedirectToPage();
        }

        var wanted = grant.Where(k => RoleNames.Any(r => Permissions.Any(p => k == Key(r, p.Name)))).ToHashSet();
        if (!wanted.Contains(Key(Roles.Administrator, UsersPermissions.ManageUsers)))
        {
            // Otherwise nobody could ever undo the change.
            StatusMessage = "Administratörer måste behålla behörigheten att hantera användare och roller.";
            return RedirectToPage();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var roleName in RoleNames)
        {
            var role = (await roles.FindByNameAsync(roleName))!;
            foreach (var permission in Permissions)
            {
                var key = Key(roleName, permission.Name);
                var claim = new Claim(Permission.ClaimType, permission.Name);
                if (wanted.Contains(key) && !Grants.Contains(key))
                {
                    await roles.AddClaimAsync(role, claim);
                }
                else if (!wanted.Contains(key) && Grants.Contains(key))
                {
                    await roles.RemoveClaimAsync(role, claim);
                }
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await audit.WriteAsync(new AuditEvent("role.update", "Role"));
        StatusMessage = "Behörigheterna är sparade.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Permissions = await catalog.GetAllAsync();
        RoleNames = Roles.InDisplayOrder(await db.Roles.Select(r => r.Name!).ToListAsync());
        Grants = (await db.RoleClaims.Where(c => c.ClaimType == Permission.ClaimType)
                .Join(db.Roles, c => c.RoleId, r => r.Id, (c, r) => new { r.Name, c.ClaimValue })
                .ToListAsync())
            .Select(g => Key(g.Name!, g.ClaimValue!)).ToHashSet();
    }
}
