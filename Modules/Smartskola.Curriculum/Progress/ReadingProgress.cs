using Microsoft.EntityFrameworkCore;
using Smartskola.Curriculum.Data;

namespace Smartskola.Curriculum.Progress;

/// <summary>Remembers which sections a patient has opened (a section counts as read when its page was shown).</summary>
public sealed class ReadingProgress(CurriculumDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlySet<string>> ReadSectionIdsAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await db.SectionReads.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.SectionId)
            .ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Records the first time a patient opens a section; later visits write nothing (pages are read often).</summary>
    public async Task MarkReadAsync(Guid userId, string sectionId, CancellationToken cancellationToken = default)
    {
        db.SectionReads.Add(new SectionRead { UserId = userId, SectionId = sectionId, FirstReadUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same patient opened the section twice at once: the other request recorded it.
            db.ChangeTracker.Clear();
        }
    }
}
