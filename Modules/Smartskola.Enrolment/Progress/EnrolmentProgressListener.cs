using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Activity;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Unlocking;

namespace Smartskola.Enrolment.Progress;

/// <summary>
/// Keeps the clinician's picture of the patient's current enrolment up to date as they read: "last active", the
/// timeline (section opened and finished, exercise played, module completed) and the module's completion date. With
/// the policy "next when the previous is completed", completing a module opens the next one.
/// </summary>
public sealed class EnrolmentProgressListener(EnrolmentDbContext db, CurrentEnrolment current, CurriculumLoader loader, ActivityLog timeline,
    TimeProvider clock)
    : IReadingActivityListener
{
    /// <summary>A page view moves "last active" at most this often (one write per page view would be wasteful).</summary>
    public static readonly TimeSpan VisitResolution = TimeSpan.FromMinutes(5);

    public async Task OnActivityAsync(ReadingActivity activity, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(latest: false, cancellationToken) is not { } program
            || await current.ForAsync(activity.UserId, program.Item.ContentItemId, cancellationToken) is not { } enrolment
            || !enrolment.GivesAccess)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // A conditional update of one column: never a conflict with a clinician saving the enrolment meanwhile.
        var since = activity.Kind == ReadingActivityKind.Visited ? now - VisitResolution : now;
        await db.Enrolments.Where(e => e.Id == enrolment.Id && (e.LastActiveUtc == null || e.LastActiveUtc <= since))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActiveUtc, now), cancellationToken);
        if (activity.Kind == ReadingActivityKind.Visited)
        {
            return;
        }

        var module = program.Modules.FirstOrDefault(m => m.Id == activity.ModuleId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Record(activity, enrolment, program, module);
                if (activity.ModuleCompleted && module is not null)
                {
                    await CompleteAsync(enrolment, program, module, now, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // The daily job (or a clinician) wrote the module's row at the same moment: read it and try again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private void Record(ReadingActivity activity, ProgramEnrolment enrolment, CurriculumProgram program, ProgramModule? module)
    {
        switch (activity.Kind)
        {
            case ReadingActivityKind.SectionOpened or ReadingActivityKind.SectionFinished
                when module?.Sections.FirstOrDefault(s => s.Id == activity.ItemId) is { } section:
                timeline.Add(enrolment.Id, activity.Kind == ReadingActivityKind.SectionOpened ? ActivityKinds.SectionOpened : ActivityKinds.SectionFinished,
                    $"Modul {module.Number}: {section.Title}", section.Id);
                break;
            case ReadingActivityKind.ExercisePlayed when activity.ItemId is { } id && program.Exercises.TryGetValue(id, out var exercise):
                timeline.Add(enrolment.Id, ActivityKinds.ExercisePlayed,
                    module is null ? exercise.Title : $"Modul {module.Number}: {exercise.Title}", exercise.Id);
                break;
        }
    }

    /// <summary>Records the completion on the module's row (creating the row if the policy opened it live), and opens the next module when the policy says so.</summary>
    private async Task CompleteAsync(ProgramEnrolment enrolment, CurriculumProgram program, ProgramModule module, DateTime now,
        CancellationToken cancellationToken)
    {
        var rows = await db.ModuleStates.Where(s => s.EnrolmentId == enrolment.Id).ToDictionaryAsync(s => s.ModuleId, cancellationToken);
        var moduleIds = program.Modules.Select(m => m.Id).ToList();
        var today = SwedishTime.Today(clock);
        if (!rows.TryGetValue(module.Id, out var row))
        {
            var due = ModuleAccessRules.DueWithoutRecord(enrolment, moduleIds, rows, today).FirstOrDefault(d => d.ModuleId == module.Id);
            if (due.ModuleId is null)
            {
                return; // Not open by the policy either: nothing the patient could have read.
            }

            row = Opened(enrolment, module.Id, due.By, OpenedUtc(enrolment, moduleIds.IndexOf(module.Id) + 1, moduleIds.Count, now));
            db.ModuleStates.Add(row);
            rows[module.Id] = row;
        }

        if (row.CompletedUtc is not null)
        {
            return; // Completed before (a section added later was finished): the first date stands.
        }

        row.CompletedUtc = now;
        timeline.Add(enrolment.Id, ActivityKinds.ModuleCompleted, $"Modul {module.Number}: {module.Title}", module.Id);
        var next = program.Modules.SkipWhile(m => m.Id != module.Id).Skip(1).FirstOrDefault();
        if (enrolment.Policy == UnlockPolicyKind.AfterPrevious && next is not null && !rows.ContainsKey(next.Id))
        {
            db.ModuleStates.Add(Opened(enrolment, next.Id, ModuleOpenedBy.Completion, now));
            timeline.Add(enrolment.Id, ActivityKinds.ModuleOpened, $"Modul {next.Number}: {next.Title}", next.Id);
        }
    }

    private EnrolmentModuleState Opened(ProgramEnrolment enrolment, string moduleId, ModuleOpenedBy by, DateTime openedUtc) => new()
    {
        EnrolmentId = enrolment.Id,
        ModuleId = moduleId,
        IsOpen = true,
        ChangedBy = by,
        ChangedUtc = clock.GetUtcNow().UtcDateTime,
        FirstOpenedUtc = openedUtc,
    };

    /// <summary>When the policy opened a module that has no row yet: the start of its day, if the policy names one.</summary>
    private static DateTime OpenedUtc(ProgramEnrolment enrolment, int position, int moduleCount, DateTime now) =>
        UnlockPolicy.From(enrolment).ScheduledDay(position, enrolment.StartDate, moduleCount) is { } day
            ? SwedishTime.StartOfDayUtc(day) : now;
}
