using Microsoft.AspNetCore.Http;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Figures;

namespace Smartskola.Enrolment.Pages.Admin.Figures;

/// <summary>
/// A care unit's rules: after how many days without activity a patient is flagged, and how long personal data of
/// an ended enrolment is kept. Own units only (another unit is a 404); administrators every unit.
/// </summary>
[RequirePermission(EnrolmentPermissions.UnitSettings)]
public sealed class SettingsModel(EnrolmentDbContext db, ICareUnitDirectory directory, IAuditLog audit) : PageModel
{
    public const int MinInactivityDays = 1, MaxInactivityDays = 90, MinRetentionDays = 30, MaxRetentionDays = 3650;
    public const string UpdateAction = "unit.settings.update";

    [BindProperty(SupportsGet = true, Name = "enhet")]
    public Guid? UnitId { get; set; }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<CareUnitInfo> Units { get; private set; } = [];

    public CareUnitInfo? Unit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Unit is not null)
        {
            Input = SettingsInput.From(await CurrentAsync(Unit.Id, cancellationToken));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Unit is null)
        {
            return Page();
        }

        var inactivity = Days(Input.InactivityDays, MinInactivityDays, MaxInactivityDays, "Input.InactivityDays",
            $"Ange antal dagar utan aktivitet som ett heltal mellan {MinInactivityDays} och {MaxInactivityDays}.");
        var retention = Days(Input.RetentionDays, MinRetentionDays, MaxRetentionDays, "Input.RetentionDays",
            $"Ange antal dagar innan gallring som ett heltal mellan {MinRetentionDays} och {MaxRetentionDays}.");
        if (inactivity is null || retention is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var row = await db.UnitSettings.FirstOrDefaultAsync(s => s.CareUnitId == Unit.Id, cancellationToken);
        if (row is null)
        {
            row = new UnitEnrolmentSettings { CareUnitId = Unit.Id };
            db.UnitSettings.Add(row);
        }
        else
        {
            // The version the form was opened with: an update after someone else's save changes no row.
            db.Entry(row).Property(r => r.Version).OriginalValue = Input.Version;
        }

        row.InactivityDays = inactivity.Value;
        row.RetentionDays = retention.Value;
        row.Version = Guid.NewGuid();
        var stale = db.Entry(row).State == EntityState.Added && Input.Version != Guid.Empty;
        try
        {
            if (!stale)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // A changed version (concurrency) or a row someone else created a moment ago (primary key).
            stale = true;
        }

        if (stale)
        {
            db.ChangeTracker.Clear();
            var current = await CurrentAsync(Unit.Id, cancellationToken);
            Input.Version = current.Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError(string.Empty,
                $"Någon annan ändrade enhetens regler medan du arbetade. Nu sparat: inaktiv efter {current.InactivityDays} dagar, " +
                $"gallring efter {current.RetentionDays} dagar. Dina värden står kvar; spara igen om de ska gälla.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await audit.WriteAsync(new AuditEvent(UpdateAction, "CareUnit", Unit.Id.ToString()) { UnitId = Unit.Id }, cancellationToken);
        StatusMessage = "Enhetens regler är sparade.";
        return RedirectToPage(new { enhet = Unit.Id });
    }

    /// <summary>The visible units and the chosen one (the first when none is chosen); false when the choice is not visible.</summary>
    private async Task<bool> ResolveAsync(CancellationToken cancellationToken)
    {
        Units = await VisibleUnits.ForAsync(User, directory, cancellationToken);
        Unit = UnitId is { } requested ? Units.FirstOrDefault(u => u.Id == requested) : Units.FirstOrDefault();
        return UnitId is null || Unit is not null;
    }

    private async Task<UnitEnrolmentSettings> CurrentAsync(Guid unitId, CancellationToken cancellationToken) =>
        await db.UnitSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CareUnitId == unitId, cancellationToken)
        ?? new UnitEnrolmentSettings { CareUnitId = unitId, Version = Guid.Empty };

    private int? Days(string? value, int min, int max, string key, string message)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days >= min && days <= max)
        {
            return days;
        }

        ModelState.AddModelError(key, message);
        return null;
    }

    public sealed class SettingsInput
    {
        public string? InactivityDays { get; set; }

        public string? RetentionDays { get; set; }

        public Guid Version { get; set; }

        /// <summary>The saved values; a unit without a row shows the defaults with an empty version.</summary>
        public static SettingsInput From(UnitEnrolmentSettings settings) => new()
        {
            InactivityDays = settings.InactivityDays.ToString(CultureInfo.InvariantCulture),
            RetentionDays = settings.RetentionDays.ToString(CultureInfo.InvariantCulture),
            Version = settings.Version,
        };
    }
}
