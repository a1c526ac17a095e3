using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.AuditTrail.Data;
using Smartskola.Core.Audit;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;

namespace Smartskola.AuditTrail.Pages.Admin.Audit;

/// <summary>
/// The audit log. Administrators see every entry; unit managers see what was done in their own units and
/// asking for another unit's entries gives 404.
/// </summary>
[RequirePermission(CorePermissions.StaffArea)]
public sealed class IndexModel(AuditDbContext db, ICareUnitDirectory units, IAuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "enhet")]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CareUnitInfo> VisibleUnits { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public bool CanVerify => User.HasPermission(AuditPermissions.Verify);

    public bool SeesAll => User.HasPermission(AuditPermissions.ViewAll);

    public string UnitName(Guid? id) =>
        id is null ? "–" : VisibleUnits.FirstOrDefault(u => u.Id == id)?.Name ?? "Annan enhet";

    public async Task<IActionResult> OnGetAsync()
    {
        var seesAll = SeesAll;
        if (!seesAll && !User.HasPermission(AuditPermissions.ViewOwnUnits))
        {
            return Forbid();
        }

        var mine = User.CareUnitIds();
        var allUnits = await units.ListAsync();
        VisibleUnits = seesAll ? allUnits : allUnits.Where(u => mine.Contains(u.Id)).ToList();
        if (UnitId is { } requested && VisibleUnits.All(u => u.Id != requested))
        {
            await audit.WriteAsync(new AuditEvent("audit.view", "AuditLog", requested.ToString()) { Outcome = AuditOutcome.Denied });
            return NotFound();
        }

        var query = db.AuditEntries.AsNoTracking();
        if (UnitId is { } unit)
        {
            query = query.Where(e => e.ActorUnitId == unit);
        }
        else if (!seesAll)
        {
            query = query.Where(e => e.ActorUnitId != null && mine.Contains(e.ActorUnitId.Value));
        }

        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        var rows = await query.OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasNextPage = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
        await audit.WriteAsync(new AuditEvent("audit.view", "AuditLog", UnitId?.ToString()) { UnitId = UnitId });
        return Page();
    }
}
