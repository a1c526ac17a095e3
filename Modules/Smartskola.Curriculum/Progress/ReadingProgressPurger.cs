using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Patients;
using Smartskola.Curriculum.Data;

namespace Smartskola.Curriculum.Progress;

/// <summary>Gallring: what the patient read and played goes with the rest of their personal data.</summary>
public sealed class ReadingProgressPurger(CurriculumDbContext db) : IPatientDataPurger
{
    public async Task PurgeAsync(Guid patientId, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is not { } id)
        {
            return;
        }

        await db.SectionReads.Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ExercisePlays.Where(p => p.UserId == id).ExecuteDeleteAsync(cancellationToken);
    }
}
