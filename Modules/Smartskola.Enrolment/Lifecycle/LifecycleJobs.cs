using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>What one run of <see cref="LifecycleJobs"/> changed. <see cref="Failed"/> counts enrolments left for the next run.</summary>
public sealed record LifecycleSummary(int Ended, int ModulesOpened, int InactivityNotices, int EndingSoonNotices, int Purged,
    int PatientsPurged, int Failed);

/// <summary>
/// The daily enrolment jobs, in order: end enrolments past their planned end, record modules opened by the policy,
/// flag inactive patients, notify of enrolments ending soon, purge personal data after retention. Every step is
/// idempotent and safe when several instances run it at the same moment (unique keys and conditional updates in the
/// database decide who does what), so a run can be repeated or overlap another at any time.
/// </summary>
public sealed class LifecycleJobs(EnrolmentDbContext db, TimeProvider clock, EndingJob ending, ModuleOpeningJob modules,
    NoticeJob notices, PurgeJob purge)
{
    public async Task<LifecycleSummary> RunAsync(CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(clock);
        var rules = await UnitRules.LoadAsync(db, cancellationToken);

        var ended = await ending.RunAsync(nowUtc, today, cancellationToken);
        var opened = await modules.RunAsync(nowUtc, today, cancellationToken);
        var inactive = await notices.FlagInactiveAsync(rules, nowUtc, cancellationToken);
        var endingSoon = await notices.NotifyEndingSoonAsync(nowUtc, today, cancellationToken);
        var purged = await purge.RunAsync(rules, nowUtc, cancellationToken);
        return new LifecycleSummary(ended.Ended, opened.Opened, inactive.Created, endingSoon.Created, purged.Purged,
            purged.Patients, ended.Failed + opened.Failed + inactive.Failed + endingSoon.Failed + purged.Failed);
    }
}
