using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.LogExtract;

namespace Smartskola.Enrolment.Pages.Patient;

/// <summary>One access to the patient's data: when, which care unit, what.</summary>
/// <param name="IsoTime">The instant for the <c>time</c> element (UTC, ISO 8601).</param>
public sealed record LogExtractRow(string IsoTime, string When, string Unit, string What);

/// <summary>
/// Loggutdrag (patientdatalagen 8 kap. 5 §): which care unit looked at the patient's data and when, newest first,
/// from the audit log. Staff are shown by their unit, not by name: the law gives the patient the unit and the time,
/// and the unit answers questions about who (its manager sees names in the audit log).
/// </summary>
[RequirePermission(CorePermissions.PatientArea)]
public sealed class LogExtractModel(EnrolmentDbContext db, IAuditLogReader audit, ICareUnitDirectory units) : PageModel
{
    private static readonly CultureInfo Swedish = new("sv-SE");

    public IReadOnlyList<LogExtractRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var userId = User.UserId();
        var patientId = await db.Patients.AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancel);
        if (patientId is null)
        {
            return; // No patient record: nobody can have looked at one.
        }

        // Only what others did: the patient's own actions are not accesses to report.
        var records = (await audit.ForSubjectAsync(patientId.Value, cancel)).Where(r => r.ActorUserId != userId).ToList();
        var names = (await units.ListAsync(cancel)).ToDictionary(u => u.Id, u => u.Name);
        Rows = records.Select(r => new LogExtractRow(
            DateTime.SpecifyKind(r.OccurredUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            SwedishTime.ToLocal(r.OccurredUtc).ToString("d MMMM yyyy 'kl.' HH:mm", Swedish),
            r.ActorUnitId is { } unit ? names.GetValueOrDefault(unit, "Okänd vårdenhet")
                : r.ActorUserId is null ? "Systemet (automatiskt)" : "Okänd vårdenhet",
            PatientLogTexts.For(r.Action))).ToList();
    }
}
