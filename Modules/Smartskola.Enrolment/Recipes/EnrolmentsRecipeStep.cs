using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Patients;
using Smartskola.Core.Recipes;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Unlocking;

namespace Smartskola.Enrolment.Recipes;

/// <summary>
/// <c>{"name": "enrolments", "enrolments": [{"personnummer", "givenName", "familyName", "account", "unit", "clinician",
/// "policy", "initialModules", "intervalDays", "startDaysAgo", "lastActiveDaysAgo"}]}</c>: demo patients enrolled in the published program.
/// Like demo accounts, applied only where demo users are switched on (development), since it holds personal data.
/// <c>account</c> is the e-mail of an existing patient account (the demo patient); <c>clinician</c> a clinician's e-mail.
/// </summary>
public sealed class EnrolmentsRecipeStep(EnrolmentDbContext db, PersonnummerProtector personnummer, ICareUnitDirectory units,
    IStaffDirectory staff, CurriculumLoader curriculum, TimeProvider clock) : IRecipeStep
{
    public string Name => "enrolments";

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var items = RecipeJson.Array(step, "enrolments", errors);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"enrolments[{i}]";
            foreach (var field in new[] { "personnummer", "givenName", "familyName", "unit", "clinician" })
            {
                RecipeJson.RequiredString(items[i], field, where, errors);
            }

            if (RecipeJson.OptionalString(items[i], "policy") is { } policy && !Enum.TryParse<UnlockPolicyKind>(policy, out _))
            {
                errors.Add($"enrolments: {where}.policy: okänd upplåsning '{policy}' ({string.Join(", ", Enum.GetNames<UnlockPolicyKind>())}).");
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(errors);
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (!context.CreateDemoUsers)
        {
            return;
        }

        var program = await curriculum.LoadAsync(latest: false, cancellationToken)
            ?? throw new RecipeStepException("enrolments: programmet är inte publicerat; lägg steget efter innehållet.");
        var allUnits = await units.ListAsync(cancellationToken);
        var index = -1;
        foreach (var item in step.GetProperty("enrolments").EnumerateArray())
        {
            var where = $"enrolments[{++index}]";
            // Demo data uses Skatteverket's test numbers by design, also where real sites refuse them (a benchmark in
            // Production with demo users on).
            if (!Personnummer.TryParse(item.GetProperty("personnummer").GetString(), allowTestNumbers: true, clock, out var number, out var error))
            {
                throw new RecipeStepException($"enrolments: {where}: {error}");
            }

            var hash = personnummer.LookupHash(number);
            if (await db.Patients.AnyAsync(p => p.PersonnummerHash == hash, cancellationToken))
            {
                continue;
            }

            var unit = allUnits.FirstOrDefault(u => u.Code == item.GetProperty("unit").GetString())
                ?? throw new RecipeStepException($"enrolments: {where}: vårdenheten finns inte.");
            var clinician = await staff.FindByEmailAsync(item.GetProperty("clinician").GetString()!, cancellationToken)
                ?? throw new RecipeStepException($"enrolments: {where}: behandlaren finns inte.");
            Guid? account = RecipeJson.OptionalString(item, "account") is { } email
                ? (await staff.FindByEmailAsync(email, cancellationToken))?.Id ?? throw new RecipeStepException($"enrolments: {where}: kontot finns inte.")
                : null;
            var now = clock.GetUtcNow().UtcDateTime;
            var patient = new Patient
            {
                Id = Guid.NewGuid(), GivenName = item.GetProperty("givenName").GetString()!, FamilyName = item.GetProperty("familyName").GetString()!,
                PersonnummerCipher = personnummer.Protect(number), PersonnummerHash = hash, PersonnummerMasked = number.Masked,
                CareUnitId = unit.Id, UserId = account, CreatedUtc = now, Version = Guid.NewGuid(),
            };
            var start = SwedishTime.Today(clock).AddDays(-(item.TryGetProperty("startDaysAgo", out var ago) ? ago.GetInt32() : 0));
            var enrolment = new ProgramEnrolment
            {
                Id = Guid.NewGuid(), PatientId = patient.Id, ProgramId = program.Item.ContentItemId, CareUnitId = unit.Id, ClinicianId = clinician.Id,
                StartDate = start, PlannedEndDate = start.AddDays(program.RecommendedDays), Status = EnrolmentStatus.Active,
                Policy = Enum.Parse<UnlockPolicyKind>(RecipeJson.OptionalString(item, "policy") ?? nameof(UnlockPolicyKind.AllAtStart)),
                InitialModules = item.TryGetProperty("initialModules", out var n) ? n.GetInt32() : 1,
                IntervalDays = item.TryGetProperty("intervalDays", out var d) ? d.GetInt32() : 7,
                CreatedUtc = now, Version = Guid.NewGuid(),
                LastActiveUtc = item.TryGetProperty("lastActiveDaysAgo", out var active) ? now.AddDays(-active.GetInt32()) : null,
            };
            db.Patients.Add(patient);
            db.Enrolments.Add(enrolment);
            db.ModuleStates.AddRange(ModuleAccessRules.StartRows(enrolment, program.Modules.Select(m => m.Id).ToList(), SwedishTime.Today(clock), now));

            db.Activities.Add(new EnrolmentActivity { EnrolmentId = enrolment.Id, OccurredUtc = now, Kind = ActivityKinds.Enrolled, Detail = "Demo" });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
