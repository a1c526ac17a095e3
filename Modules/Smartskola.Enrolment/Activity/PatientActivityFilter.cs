using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Progress;

namespace Smartskola.Enrolment.Activity;

/// <summary>
/// "Last active" is every use of the patient's pages, not only reading: a patient who writes to the care team or fills
/// in a diary every day is not inactive, and must neither be flagged in the triage list nor sent inactivity reminders.
/// After each patient page handler, one conditional UPDATE moves the running enrolment's last-active time, at most once
/// per <see cref="EnrolmentProgressListener.VisitResolution"/> (the same rule as reading page views).
/// </summary>
public sealed class PatientActivityFilter(EnrolmentDbContext db, TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var user = context.HttpContext.User;
        if (executed.Exception is not null || user.UserId() is not { } userId || !user.HasPermission(CorePermissions.PatientArea))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - EnrolmentProgressListener.VisitResolution;
        var patientIds = db.Patients.Where(p => p.UserId == userId).Select(p => p.Id);
        var due = db.Enrolments.Where(e => patientIds.Contains(e.PatientId)
            && (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance)
            && (e.LastActiveUtc == null || e.LastActiveUtc <= since));
        // Read first: most requests come within the resolution, and a no-op UPDATE still takes SQLite's write lock.
        if (await due.AnyAsync(context.HttpContext.RequestAborted))
        {
            await due.ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActiveUtc, now), context.HttpContext.RequestAborted);
        }
    }
}
