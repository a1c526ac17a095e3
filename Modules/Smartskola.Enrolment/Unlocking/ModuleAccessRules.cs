using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Unlocking;

/// <summary>One module of the program as seen in one enrolment.</summary>
public sealed record ModuleAccessState(string ModuleId, int Position, bool IsOpen, DateOnly? OpensOn, bool LockedByHand,
    EnrolmentModuleState? Row);

/// <summary>
/// Decides which modules are open. Rows written by anyone (start, schedule, completion, clinician) are the record;
/// the policy also opens, on its day, a module that has no row yet, so a patient never waits for the daily job.
/// A row a clinician wrote always wins: a module locked by hand stays locked whatever the policy says.
/// </summary>
public static class ModuleAccessRules
{
    public static IReadOnlyList<ModuleAccessState> Evaluate(ProgramEnrolment enrolment, IReadOnlyList<string> moduleIds,
        IReadOnlyDictionary<string, EnrolmentModuleState> rows, DateOnly today)
    {
        var policy = UnlockPolicy.From(enrolment);
        var result = new List<ModuleAccessState>(moduleIds.Count);
        var previousCompleted = true;
        for (var i = 0; i < moduleIds.Count; i++)
        {
            var position = i + 1;
            var id = moduleIds[i];
            rows.TryGetValue(id, out var row);
            var scheduled = policy.ScheduledDay(position, enrolment.StartDate, moduleIds.Count);
            bool open;
            DateOnly? opensOn = null;
            if (row is not null)
            {
                open = row.IsOpen;
            }
            else if (scheduled is { } day)
            {
                open = day <= today;
                opensOn = open ? null : day;
            }
            else
            {
                // "Next when the previous is completed": opens as soon as the one before is done.
                open = policy.Kind == UnlockPolicyKind.AfterPrevious && position > 1 && previousCompleted
                    && enrolment.StartDate <= today;
            }

            var lockedByHand = row is { IsOpen: false, ChangedBy: ModuleOpenedBy.Clinician };
            result.Add(new ModuleAccessState(id, position, open && enrolment.GivesAccess, opensOn, lockedByHand, row));
            previousCompleted = row?.CompletedUtc is not null;
        }

        return result;
    }

    /// <summary>Modules the policy opens by <paramref name="today"/> that have no row yet: the daily job records these.</summary>
    public static IEnumerable<(string ModuleId, ModuleOpenedBy By)> DueWithoutRecord(ProgramEnrolment enrolment,
        IReadOnlyList<string> moduleIds, IReadOnlyDictionary<string, EnrolmentModuleState> rows, DateOnly today)
    {
        var policy = UnlockPolicy.From(enrolment);
        foreach (var state in Evaluate(enrolment, moduleIds, rows, today).Where(s => s.IsOpen && s.Row is null))
        {
            var atStart = state.Position <= policy.OpenAtStart(moduleIds.Count);
            yield return (state.ModuleId, atStart ? ModuleOpenedBy.Start
                : policy.Kind == UnlockPolicyKind.AfterPrevious ? ModuleOpenedBy.Completion : ModuleOpenedBy.Schedule);
        }
    }

    /// <summary>The rows to write for a new enrolment: the modules its policy opens at start (and by today).</summary>
    public static IEnumerable<EnrolmentModuleState> StartRows(ProgramEnrolment enrolment, IReadOnlyList<string> moduleIds, DateOnly today,
        DateTime nowUtc) =>
        DueWithoutRecord(enrolment, moduleIds, new Dictionary<string, EnrolmentModuleState>(), today)
            .Select(due => new EnrolmentModuleState
            {
                EnrolmentId = enrolment.Id, ModuleId = due.ModuleId, IsOpen = true, ChangedBy = due.By, ChangedUtc = nowUtc, FirstOpenedUtc = nowUtc,
            });
}
