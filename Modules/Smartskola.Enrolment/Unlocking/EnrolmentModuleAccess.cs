using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Access;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Unlocking;

/// <summary>The patient's program pages, search and media ask this: modules open in the patient's own enrolment.</summary>
public sealed class EnrolmentModuleAccess(EnrolmentDbContext db, CurrentEnrolment current, TimeProvider clock) : IModuleAccess
{
    public async Task<ReaderAccess> GetAsync(ClaimsPrincipal patient, CurriculumProgram program, CancellationToken cancellationToken = default)
    {
        if (patient.UserId() is not { } userId)
        {
            return ReaderAccess.Nothing("Du är inte inloggad.");
        }

        var programId = program.Item.ContentItemId;
        var enrolment = await current.ForAsync(userId, programId, cancellationToken);
        if (enrolment is null)
        {
            return ReaderAccess.Nothing("Du är inte inskriven i programmet. Kontakta din vårdenhet om du tror att det är fel.");
        }

        if (!enrolment.GivesAccess)
        {
            return ReaderAccess.Nothing("Ditt program är avslutat. Kontakta din vårdenhet om du har frågor.");
        }

        var rows = await db.ModuleStates.AsNoTracking().Where(s => s.EnrolmentId == enrolment.Id)
            .ToDictionaryAsync(s => s.ModuleId, cancellationToken);
        var states = ModuleAccessRules.Evaluate(enrolment, program.Modules.Select(m => m.Id).ToList(), rows, SwedishTime.Today(clock));
        return new ReaderAccess(
            states.Where(s => s.IsOpen).Select(s => s.ModuleId).ToHashSet(),
            states.Where(s => s.OpensOn is not null).ToDictionary(s => s.ModuleId, s => s.OpensOn!.Value),
            string.IsNullOrWhiteSpace(enrolment.WelcomeText) ? null : enrolment.WelcomeText);
    }
}
