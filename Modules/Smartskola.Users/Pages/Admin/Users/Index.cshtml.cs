using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Users.Data;
using Smartskola.Users.Identity;

namespace Smartskola.Users.Pages.Admin.Users;

[RequirePermission(UsersPermissions.ManageUsers)]
public sealed class IndexModel(UsersDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    // Posted, not in the query string: a search term is often someone's e-mail address, which must not end up
    // in URLs, browser history or proxy logs.
    [BindProperty(Name = "sok")]
    public string? Search { get; set; }

    [BindProperty(Name = "roll")]
    public string? Role { get; set; }

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public bool Truncated { get; private set; }

    public Task OnPostAsync() => OnGetAsync();

    public async Task OnGetAsync()
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(Role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        var users = await query.OrderBy(u => u.DisplayName).Take(PageSize + 1).ToListAsync();
        Truncated = users.Count > PageSize;
        users = users.Take(PageSize).ToList();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var units = await db.UserCareUnits.Where(m => ids.Contains(m.UserId))
            .Join(db.CareUnits, m => m.CareUnitId, u => u.Id, (m, u) => new { m.UserId, u.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        Users = users.Select(u => new Row(
            u.Id, u.DisplayName, u.Email ?? string.Empty,
            string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => Core.Security.Roles.DisplayName(r.Name!)).Order()),
            string.Join(", ", units.Where(m => m.UserId == u.Id).Select(m => m.Name).Order()),
            StatusOf(u, now))).ToList();
    }

    public static string StatusOf(User user, DateTimeOffset now) => user.LockoutEnd switch
    {
        _ when AccountBlock.IsBlocked(user) => "Spärrat",
        { } end when end > now => $"Låst till {SwedishTime.Format(end)} (svensk tid)",
        _ => user.TwoFactorEnabled ? "Aktivt, tvåstegsverifiering" : "Aktivt",
    };

    public sealed record Row(Guid Id, string Name, string Email, string Roles, string Units, string Status);
}
