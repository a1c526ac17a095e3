using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Fields;
using Smartskola.Core.Site;
using Smartskola.Curriculum;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Unlocking;

namespace Smartskola.Enrolment.Progress;

/// <summary>
/// What the clinician sees of a patient's progress: per module its state, sections opened and finished, the
/// exercise's plays and the completion date; last active and how long the enrolment has run; and the timeline.
/// Read only: the caller checks access and writes the audit entry.
/// </summary>
public sealed class EnrolmentProgress(EnrolmentDbContext db, CurriculumLoader loader, ReadingProgress reading, TimeProvider clock)
{
    public async Task<EnrolmentProgressView> LoadAsync(ProgramEnrolment enrolment, CancellationToken cancellationToken)
    {
        var program = await loader.LoadAsync(latest: false, cancellationToken);
        var userId = await db.Patients.Where(p => p.Id == enrolment.PatientId).Select(p => p.UserId).FirstOrDefaultAsync(cancellationToken);
        var summary = userId is { } id ? await reading.SummaryAsync(id, cancellationToken) : new ReadingSummary([], []);
        var today = SwedishTime.Today(clock);
        var days = Math.Max(0, today.DayNumber - enrolment.StartDate.DayNumber);
        var recommended = program is not null && RecommendedDays(program) is { } fromProgram
            ? fromProgram : enrolment.PlannedEndDate.DayNumber - enrolment.StartDate.DayNumber;
        var modules = program is null ? [] : await ModulesAsync(enrolment, program, summary, today, cancellationToken);
        return new EnrolmentProgressView(modules, enrolment.LastActiveUtc, days, recommended,
            $"Momentet har pågått {Days(days)} (rekommenderat {Days(recommended)})");
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid enrolmentId, int take, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().Where(a => a.EnrolmentId == enrolmentId)
            .OrderByDescending(a => a.OccurredUtc).ThenByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        return activities.Select(a => new TimelineEntry(a.OccurredUtc, a.Kind, TimelineTexts.For(a.Kind), a.Detail, TimelineTexts.Actor(a)))
            .ToList();
    }

    private async Task<IReadOnlyList<ModuleProgressView>> ModulesAsync(ProgramEnrolment enrolment, CurriculumProgram program,
        ReadingSummary summary, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await db.ModuleStates.AsNoTracking().Where(s => s.EnrolmentId == enrolment.Id)
            .ToDictionaryAsync(s => s.ModuleId, cancellationToken);
        var states = ModuleAccessRules.Evaluate(enrolment, program.Modules.Select(m => m.Id).ToList(), rows, today);
        var sections = summary.Sections.ToDictionary(s => s.SectionId);
        var plays = summary.Exercises.ToDictionary(e => e.ExerciseId);
        return program.Modules.Zip(states, (module, access) =>
        {
            var opened = module.Sections.Count(s => sections.ContainsKey(s.Id));
            var finished = module.Sections.Count(s => sections.TryGetValue(s.Id, out var read) && read.FinishedUtc is not null);
            var play = module.Exercise is { } exercise ? plays.GetValueOrDefault(exercise.Id) : null;
            var state = !access.IsOpen ? ModuleProgressState.Locked
                : module.Sections.Count > 0 && finished == module.Sections.Count ? ModuleProgressState.Done
                : opened > 0 ? ModuleProgressState.InProgress
                : ModuleProgressState.Open;
            var completed = access.Row?.CompletedUtc;
            return new ModuleProgressView(module.Id, module.Number, module.Title, state,
                StateText(state, access, completed), module.Sections.Count, opened, finished, module.Exercise?.Title,
                play?.Plays ?? 0, play?.LastPlayedUtc, access.Row?.FirstOpenedUtc, access.OpensOn, access.LockedByHand, completed);
        }).ToList();
    }

    private static string StateText(ModuleProgressState state, ModuleAccessState access, DateTime? completedUtc) => state switch
    {
        ModuleProgressState.Locked when access.LockedByHand => "Låst av behandlare",
        ModuleProgressState.Locked when access.OpensOn is { } day => $"Låst, öppnas {day:yyyy-MM-dd}",
        ModuleProgressState.Locked => "Låst",
        ModuleProgressState.Done => completedUtc is { } done ? $"Klar {SwedishTime.Format(done, "yyyy-MM-dd")}" : "Klar",
        ModuleProgressState.InProgress => "Påbörjad",
        _ => access.Row?.FirstOpenedUtc is { } opened ? $"Öppen sedan {SwedishTime.Format(opened, "yyyy-MM-dd")}" : "Öppen",
    };

    private static int? RecommendedDays(CurriculumProgram program) =>
        program.Item.Get<NumericFieldData>(CurriculumTypes.Program, CurriculumTypes.LengthField).Value is { } value && value >= 1
            ? (int)value : null;

    private static string Days(int days) => days == 1 ? "1 dag" : $"{days} dagar";
}
