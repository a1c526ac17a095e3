using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Users.Data;

namespace Smartskola.Users.Pages.Admin.Units;

/// <summary>Administrators see and create all units; other staff see the units they belong to.</summary>
[RequirePermission(CorePermissions.StaffArea)]
public sealed class IndexModel(UsersDbContext db, TimeProvider clock, IAuditLog audit) : PageModel
{
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public bool CanManage => User.HasPermission(UsersPermissions.ManageUnits);

    [BindProperty]
    public NewUnitInput NewUnit { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!CanManage && !User.HasPermission(UsersPermissions.ViewOwnUnits))
        {
            return Forbid();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage)
        {
            return Forbid();
        }

        // Model binding turns empty fields into null despite the non-nullable type.
        NewUnit.Code = NewUnit.Code?.Trim() ?? string.Empty;
        NewUnit.Name = NewUnit.Name?.Trim() ?? string.Empty;
        if (ModelState.IsValid && await db.CareUnits.AnyAsync(u => u.Code == NewUnit.Code))
        {
            ModelState.AddModelError("NewUnit.Code", "Det finns redan en vårdenhet med den koden.");
        }

        if (ModelState.IsValid && await db.CareUnits.AnyAsync(u => u.Name == NewUnit.Name))
        {
            ModelState.AddModelError("NewUnit.Name", "Det finns redan en vårdenhet med det namnet.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var unit = new CareUnit
        {
            Id = Guid.NewGuid(), Code = NewUnit.Code, Name = NewUnit.Name, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CareUnits.Add(unit);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Someone created a unit with the same code a moment ago (the code is unique in the database).
            ModelState.AddModelError("NewUnit.Code", "Det finns redan en vårdenhet med den koden.");
            db.Entry(unit).State = EntityState.Detached;
            await LoadAsync();
            return Page();
        }
        await audit.WriteAsync(new AuditEvent("unit.create", "CareUnit", unit.Id.ToString()) { UnitId = unit.Id });
        StatusMessage = "Vårdenheten är skapad.";
        return RedirectToPage("Details", new { id = unit.Id });
    }

    private async Task LoadAsync()
    {
        var query = db.CareUnits.AsNoTracking();
        if (!CanManage)
        {
            var mine = User.CareUnitIds();
            query = query.Where(u => mine.Contains(u.Id));
        }

        Units = await query.OrderBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, db.UserCareUnits.Count(m => m.CareUnitId == u.Id)))
            .ToListAsync();
    }

    public sealed record UnitRow(Guid Id, string Code, string Name, int MemberCount);

    public sealed class NewUnitInput
    {
        [Required(ErrorMessage = "Ange en kod.")]
        [StringLength(64, ErrorMessage = "Koden får vara högst 64 tecken.")]
        [RegularExpression(@"^[A-Za-z0-9\-_.]+$", ErrorMessage = "Koden får bara innehålla bokstäver a–z, siffror och - _ .")]
        [Display(Name = "Kod (t.ex. HSA-id)")]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Ange ett namn.")]
        [StringLength(200, ErrorMessage = "Namnet får vara högst 200 tecken.")]
        [Display(Name = "Namn")]
        public string Name { get; set; } = string.Empty;
    }
}
