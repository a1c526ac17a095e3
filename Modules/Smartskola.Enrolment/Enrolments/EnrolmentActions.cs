using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Activity;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Invitations;
using Smartskola.Enrolment.Unlocking;

namespace Smartskola.Enrolment.Enrolments;

/// <summary>
/// What a clinician can change on an enrolment. Every change names the version the clinician saw; if someone else
/// saved since, nothing is written and the clinician is told (optimistic concurrency, HTTP 409).
/// </summary>
public sealed class EnrolmentActions(
    EnrolmentDbContext db,
    SharedDbConnection connection,
    CurriculumLoader curriculum,
    IStaffDirectory staff,
    InvitationService invitations,
    ActivityLog activity,
    IAuditLog audit,
    TimeProvider clock)
{
    public const int MaxLengthDays = 3 * 365;

    public Task<ChangeOutcome> SetModuleAsync(ClaimsPrincipal user, Guid id, Guid version, string moduleId, bool open) =>
        ChangeAsync(user, id, version, "enrolment.module", async (enrolment, outcome) =>
        {
            var program = await curriculum.LoadAsync(latest: false);
            var module = program?.Modules.FirstOrDefault(m => m.Id == moduleId);
            if (module is null)
            {
                outcome.Error(string.Empty, "Modulen finns inte i programmet.");
                return;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var row = await db.ModuleStates.FindAsync(enrolment.Id, moduleId);
            if (row is null)
            {
                row = new EnrolmentModuleState { EnrolmentId = enrolment.Id, ModuleId = moduleId };
                db.ModuleStates.Add(row);
            }

            row.IsOpen = open;
            row.ChangedBy = ModuleOpenedBy.Clinician;
            row.ChangedByUserId = user.UserId();
            row.ChangedUtc = now;
            row.FirstOpenedUtc ??= open ? now : null;
            activity.Staff(enrolment.Id, open ? ActivityKinds.ModuleOpened : ActivityKinds.ModuleLocked,
                $"Modul {module.Number}: {module.Title}", module.Id);
        });

    public Task<ChangeOutcome> ChangePolicyAsync(ClaimsPrincipal user, Guid id, Guid version, UnlockPolicy policy) =>
        ChangeAsync(user, id, version, "enrolment.policy", async (enrolment, outcome) =>
        {
            var program = await curriculum.LoadAsync(latest: false);
            foreach (var error in policy.Validate(program?.Modules.Count ?? 0))
            {
                outcome.Error("Policy", error);
            }

            enrolment.Policy = policy.Kind;
            enrolment.InitialModules = policy.InitialModules;
            enrolment.IntervalDays = policy.IntervalDays;
            activity.Staff(enrolment.Id, ActivityKinds.PolicyChanged, policy.Describe());
        });

    public Task<ChangeOutcome> SetWelcomeAsync(ClaimsPrincipal user, Guid id, Guid version, string? text) =>
        ChangeAsync(user, id, version, "enrolment.welcome", (enrolment, outcome) =>
        {
            if (text is { Length: > 4000 })
            {
                outcome.Error("WelcomeText", "Välkomsttexten får vara högst 4 000 tecken.");
            }

            enrolment.WelcomeText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            activity.Staff(enrolment.Id, ActivityKinds.WelcomeChanged, enrolment.WelcomeText is null ? "Programmets egen text" : "Egen text");
            return Task.CompletedTask;
        });

    public Task<ChangeOutcome> SetMaintenanceAsync(ClaimsPrincipal user, Guid id, Guid version, bool maintenance) =>
        ChangeAsync(user, id, version, "enrolment.status", (enrolment, _) =>
        {
            enrolment.Status = maintenance ? EnrolmentStatus.Maintenance : EnrolmentStatus.Active;
            enrolment.MaintenanceSinceUtc = maintenance ? clock.GetUtcNow().UtcDateTime : null;
            activity.Staff(enrolment.Id, maintenance ? ActivityKinds.Maintenance : ActivityKinds.Reactivated);
            return Task.CompletedTask;
        });

    public Task<ChangeOutcome> ExtendAsync(ClaimsPrincipal user, Guid id, Guid version, DateOnly plannedEnd) =>
        ChangeAsync(user, id, version, "enrolment.extend", (enrolment, outcome) =>
        {
            var today = SwedishTime.Today(clock);
            var latest = enrolment.StartDate.AddDays(MaxLengthDays);
            if (plannedEnd <= today || plannedEnd > latest)
            {
                outcome.Error("PlannedEnd", $"Välj ett slutdatum efter i dag och senast {latest:yyyy-MM-dd} (tre år från start).");
            }

            activity.Staff(enrolment.Id, ActivityKinds.Extended, $"Från {enrolment.PlannedEndDate:yyyy-MM-dd} till {plannedEnd:yyyy-MM-dd}");
            enrolment.PlannedEndDate = plannedEnd;
            return Task.CompletedTask;
        });

    public Task<ChangeOutcome> EndAsync(ClaimsPrincipal user, Guid id, Guid version) =>
        ChangeAsync(user, id, version, "enrolment.end", (enrolment, _) =>
        {
            enrolment.Status = EnrolmentStatus.Ended;
            enrolment.EndedUtc = clock.GetUtcNow().UtcDateTime;
            activity.Staff(enrolment.Id, ActivityKinds.Ended, "Avslutad av behandlare");
            return Task.CompletedTask;
        });

    public Task<ChangeOutcome> TransferAsync(ClaimsPrincipal user, Guid id, Guid version, Guid unitId, Guid clinicianId) =>
        ChangeAsync(user, id, version, "enrolment.transfer", async (enrolment, outcome) =>
        {
            var clinician = (await staff.InUnitAsync(unitId, Roles.Clinician)).FirstOrDefault(s => s.Id == clinicianId);
            if (clinician is null)
            {
                outcome.Error("ClinicianId", "Välj en behandlare på den vårdenhet patienten ska flyttas till.");
                return;
            }

            activity.Staff(enrolment.Id, ActivityKinds.Transferred, $"Ny ansvarig behandlare: {clinician.DisplayName}");
            enrolment.CareUnitId = unitId;
            enrolment.ClinicianId = clinicianId;
        });

    /// <summary>A new one-time link (earlier ones stop working); the link is returned to be shown once.</summary>
    public async Task<(ChangeOutcome Outcome, string? Link, bool Mailed)> NewInvitationAsync(ClaimsPrincipal user, Guid id, Guid version, string baseUrl)
    {
        string? link = null;
        var mailed = false;
        var outcome = await ChangeAsync(user, id, version, "enrolment.invitation", async (enrolment, result) =>
        {
            var patient = await db.Patients.SingleAsync(p => p.Id == enrolment.PatientId);
            if (patient.UserId is not null)
            {
                result.Error(string.Empty, "Patienten har redan en inloggning. Ingen ny inbjudan behövs.");
                return;
            }

            (_, link, mailed) = await invitations.CreateAsync(patient, enrolment.Id, user.UserId() ?? Guid.Empty, baseUrl, default);
            activity.Staff(enrolment.Id, ActivityKinds.InvitationSent, mailed ? "Ny inbjudan med e-post" : "Ny länk att lämna över");
        });
        return (outcome, outcome.Succeeded ? link : null, mailed);
    }

    private async Task<ChangeOutcome> ChangeAsync(ClaimsPrincipal user, Guid id, Guid version, string auditAction,
        Func<ProgramEnrolment, ChangeOutcome, Task> change)
    {
        await using var transaction = await connection.BeginOrJoinTransactionAsync();
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == id);
        if (enrolment is null || !user.HasPermission(EnrolmentPermissions.ManagePatients) || !user.IsMemberOfUnit(enrolment.CareUnitId))
        {
            return new ChangeOutcome().Error(string.Empty, "Inskrivningen finns inte.");
        }

        if (enrolment.Version != version)
        {
            return ChangeOutcome.Stale();
        }

        if (!enrolment.GivesAccess)
        {
            return new ChangeOutcome().Error(string.Empty, "Inskrivningen är avslutad och kan inte ändras.");
        }

        var outcome = new ChangeOutcome();
        var unitBefore = enrolment.CareUnitId; // a transfer is logged in the capacity of the unit that made it
        await change(enrolment, outcome);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        enrolment.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A concurrency conflict, or the daily job / the patient's progress wrote the same module row meanwhile.
            return ChangeOutcome.Stale();
        }

        await transaction.CommitAsync();
        // The audit log writes on a connection of its own: after our commit, or SQLite's write lock would make it wait.
        await audit.WriteAsync(new AuditEvent(auditAction, "Enrolment", enrolment.Id.ToString())
            { SubjectPatientId = enrolment.PatientId, UnitId = unitBefore });
        return outcome;
    }
}
