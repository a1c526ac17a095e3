using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;

namespace Smartskola.Notifications.Pages.Admin;

/// <summary>One program's reminder rules on the page: its title and saved (or default) values.</summary>
public sealed record ProgramRow(string ProgramId, string Title, ProgramReminderSettings Settings);

/// <summary>
/// The reminder rules per program: after how many days without activity the patient is reminded (0: never) and at
/// most how many reminders a patient gets in seven days. Messages from the care team are never capped.
/// </summary>
[RequirePermission(NotificationsPermissions.ManageReminders)]
public sealed class ProgramSettingsModel(NotificationsDbContext db, EnrolmentDbContext enrolments, CurriculumLoader curriculum, IAuditLog audit)
    : PageModel
{
    public const int MaxInactivityDays = 60, MinCap = 1, MaxCap = 14;

    [BindProperty]
    public string? ProgramId { get; set; }

    [BindProperty]
    public string? InactivityDays { get; set; }

    [BindProperty]
    public string? WeeklyCap { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Programs = await ProgramsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Programs = await ProgramsAsync(cancellationToken);
        var program = Programs.FirstOrDefault(p => p.ProgramId == ProgramId);
        if (program is null)
        {
            return NotFound();
        }

        if (!int.TryParse(InactivityDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > MaxInactivityDays)
        {
            return Failed($"Ange dagar utan aktivitet som ett heltal mellan 0 och {MaxInactivityDays} (0 betyder ingen påminnelse).",
                StatusCodes.Status422UnprocessableEntity);
        }

        if (!int.TryParse(WeeklyCap?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cap) || cap is < MinCap or > MaxCap)
        {
            return Failed($"Ange högst antal påminnelser per vecka som ett heltal mellan {MinCap} och {MaxCap}.", StatusCodes.Status422UnprocessableEntity);
        }

        var row = await db.ProgramSettings.FirstOrDefaultAsync(s => s.ProgramId == program.ProgramId, cancellationToken);
        var stale = row is null && Version != Guid.Empty;
        if (row is null)
        {
            row = new ProgramReminderSettings { ProgramId = program.ProgramId };
            db.ProgramSettings.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = Version;
        }

        row.InactivityDays = days;
        row.WeeklyCap = cap;
        row.Version = Guid.NewGuid();
        try
        {
            if (!stale)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            stale = true;
        }

        if (stale)
        {
            db.ChangeTracker.Clear();
            Programs = await ProgramsAsync(cancellationToken);
            var saved = Programs.First(p => p.ProgramId == program.ProgramId).Settings;
            return Failed($"Någon annan ändrade reglerna medan du arbetade. Nu sparat: påminnelse efter {saved.InactivityDays} dagar, " +
                $"högst {saved.WeeklyCap} i veckan. Spara igen om dina värden ska gälla.", StatusCodes.Status409Conflict);
        }

        await audit.WriteAsync(new AuditEvent("notifications.program.update", "Program", program.ProgramId), cancellationToken);
        StatusMessage = $"Påminnelserna för {program.Title} är sparade.";
        return RedirectToPage();
    }

    private IActionResult Failed(string message, int status)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The published program and every program someone is enrolled in, with their rules.</summary>
    private async Task<IReadOnlyList<ProgramRow>> ProgramsAsync(CancellationToken cancellationToken)
    {
        var published = await curriculum.LoadAsync(latest: false, cancellationToken);
        var ids = await enrolments.Enrolments.AsNoTracking().Select(e => e.ProgramId).Distinct().ToListAsync(cancellationToken);
        if (published is not null && !ids.Contains(published.Item.ContentItemId))
        {
            ids.Add(published.Item.ContentItemId);
        }

        var settings = await db.ProgramSettings.AsNoTracking().Where(s => ids.Contains(s.ProgramId)).ToDictionaryAsync(s => s.ProgramId, cancellationToken);
        return ids.Order(StringComparer.Ordinal).Select(id => new ProgramRow(id,
            published?.Item.ContentItemId == id ? published.Title : $"Program {id}",
            settings.GetValueOrDefault(id) ?? new ProgramReminderSettings { ProgramId = id, Version = Guid.Empty })).ToList();
    }
}
