using Microsoft.EntityFrameworkCore;
using Smartskola.Curriculum.Data;

namespace Smartskola.Curriculum.Progress;

/// <summary>The sections a reader has opened and finished.</summary>
public sealed record ReaderProgress(IReadOnlySet<string> OpenedSectionIds, IReadOnlySet<string> FinishedSectionIds)
{
    public static ReaderProgress None { get; } = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>One section as one patient has read it.</summary>
public sealed record SectionProgress(string SectionId, DateTime OpenedUtc, DateTime? FinishedUtc);

/// <summary>One exercise as one patient has listened to it.</summary>
public sealed record ExerciseProgress(string ExerciseId, DateTime FirstPlayedUtc, DateTime LastPlayedUtc, int Plays);

/// <summary>Everything a patient has read and played, across all modules (for the clinician's follow-up).</summary>
public sealed record ReadingSummary(IReadOnlyList<SectionProgress> Sections, IReadOnlyList<ExerciseProgress> Exercises);

/// <summary>
/// Remembers which sections a patient has opened and finished and which exercises they have played. Every write is
/// a single conditional statement, so two requests at once (a double click, two tabs) never count anything twice.
/// </summary>
public sealed class ReadingProgress(CurriculumDbContext db, TimeProvider clock)
{
    public async Task<ReaderProgress> LoadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.SectionReads.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new { r.SectionId, Finished = r.FinishedUtc != null }).ToListAsync(cancellationToken);
        return new ReaderProgress(rows.Select(r => r.SectionId).ToHashSet(), rows.Where(r => r.Finished).Select(r => r.SectionId).ToHashSet());
    }

    public async Task<ReadingSummary> SummaryAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var sections = await db.SectionReads.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new SectionProgress(r.SectionId, r.FirstReadUtc, r.FinishedUtc)).ToListAsync(cancellationToken);
        var exercises = await db.ExercisePlays.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new ExerciseProgress(p.ExerciseId, p.FirstPlayedUtc, p.LastPlayedUtc, p.Plays)).ToListAsync(cancellationToken);
        return new ReadingSummary(sections, exercises);
    }

    /// <summary>Records the first time a patient opens a section. True when this call recorded it.</summary>
    public async Task<bool> MarkOpenedAsync(Guid userId, string sectionId, CancellationToken cancellationToken = default) =>
        await InsertAsync(new SectionRead { UserId = userId, SectionId = sectionId, FirstReadUtc = Now }, cancellationToken);

    /// <summary>Records that a patient finished a section (opening it too, if need be). True the first time only.</summary>
    public async Task<bool> MarkFinishedAsync(Guid userId, string sectionId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = Now;
            var updated = await db.SectionReads.Where(r => r.UserId == userId && r.SectionId == sectionId && r.FinishedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedUtc, now), cancellationToken);
            if (updated == 1)
            {
                return true;
            }

            if (await db.SectionReads.AnyAsync(r => r.UserId == userId && r.SectionId == sectionId, cancellationToken))
            {
                return false; // Finished before.
            }

            if (await InsertAsync(new SectionRead { UserId = userId, SectionId = sectionId, FirstReadUtc = now, FinishedUtc = now }, cancellationToken))
            {
                return true;
            }

            // Another request opened the section in between: finish that row.
        }

        return false;
    }

    /// <summary>Counts one more play of an exercise's recording.</summary>
    public async Task RecordPlayAsync(Guid userId, string exerciseId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = Now;
            var updated = await db.ExercisePlays.Where(p => p.UserId == userId && p.ExerciseId == exerciseId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Plays, p => p.Plays + 1).SetProperty(p => p.LastPlayedUtc, now), cancellationToken);
            if (updated == 1)
            {
                return;
            }

            db.ExercisePlays.Add(new ExercisePlay { UserId = userId, ExerciseId = exerciseId, FirstPlayedUtc = now, LastPlayedUtc = now, Plays = 1 });
            if (await SaveAsync(cancellationToken))
            {
                return;
            }
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> InsertAsync(SectionRead read, CancellationToken cancellationToken)
    {
        db.SectionReads.Add(read);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Saves an insert; false when the same row was inserted by another request at the same moment.</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
