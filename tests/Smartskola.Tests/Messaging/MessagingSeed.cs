using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Patients;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Messaging.Data;
using Smartskola.Tests.Enrolment;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Messaging;

/// <summary>A signed-in patient enrolled at a unit with a responsible clinician, and what the tests read back.</summary>
public sealed record MessagingPatient(string Email, Guid UserId, Guid PatientId, Guid EnrolmentId, string Name);

public static class MessagingSeed
{
    /// <summary>A clinician account of its own at <paramref name="unitCode"/>; returns its e-mail and id.</summary>
    public static async Task<(string Email, Guid Id)> ClinicianAsync(this SiteFactory site, string unitCode = DemoUsers.UnitNorth)
    {
        var email = await site.CreateUserAsync(Roles.Clinician, unitCode);
        return (email, await site.UserIdAsync(email));
    }

    /// <summary>
    /// A patient account with a real (test) personnummer and a name of its own, enrolled at <paramref name="unitCode"/>
    /// with <paramref name="clinicianId"/> responsible and the first <paramref name="openModules"/> modules open.
    /// </summary>
    public static async Task<MessagingPatient> PatientAsync(this SiteFactory site, Guid clinicianId, string unitCode = DemoUsers.UnitNorth,
        int openModules = 8, string? name = null)
    {
        var email = await site.CreateUserAsync(Roles.Patient);
        var userId = await site.UserIdAsync(email);
        var unit = await site.UnitIdAsync(unitCode);
        name ??= $"Maja {NameTail()}";
        var fullName = name;
        return await site.WithScopeAsync(async sp =>
        {
            var program = (await sp.GetRequiredService<CurriculumLoader>().LoadAsync(latest: false))!;
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            var protector = sp.GetRequiredService<PersonnummerProtector>();
            var number = Personnummer.FromNormalized(TestPersonnummer.Next().Replace("-", string.Empty, StringComparison.Ordinal));
            var today = Smartskola.Core.Site.SwedishTime.Today(site.Clock);
            var patient = new Patient
            {
                Id = Guid.NewGuid(), GivenName = fullName.Split(' ')[0], FamilyName = fullName.Split(' ')[1], PersonnummerCipher = protector.Protect(number),
                PersonnummerHash = protector.LookupHash(number), PersonnummerMasked = number.Masked, CareUnitId = unit, UserId = userId,
                CreatedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            var enrolment = new ProgramEnrolment
            {
                Id = Guid.NewGuid(), PatientId = patient.Id, ProgramId = program.Item.ContentItemId, CareUnitId = unit, ClinicianId = clinicianId,
                StartDate = today.AddDays(-3), PlannedEndDate = today.AddDays(300), Status = EnrolmentStatus.Active, Policy = UnlockPolicyKind.FirstN,
                InitialModules = openModules, CreatedUtc = DateTime.UtcNow, LastActiveUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            db.Patients.Add(patient);
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            return new MessagingPatient(email, userId, patient.Id, enrolment.Id, fullName);
        });
    }

    /// <summary>Letters only (names are split on the space; digits would look like a personnummer search).</summary>
    private static string NameTail() => new(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).Select(char.ToLowerInvariant).Prepend('K').ToArray());

    public static Task SetStatusAsync(this SiteFactory site, Guid enrolmentId, EnrolmentStatus status) => site.WithScopeAsync(async sp =>
        await sp.GetRequiredService<EnrolmentDbContext>().Enrolments.Where(e => e.Id == enrolmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status)));

    public static Task<List<Message>> MessagesAsync(this SiteFactory site, Guid enrolmentId, ConversationKind kind = ConversationKind.CareTeam) =>
        site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MessagingDbContext>();
            return await (from m in db.Messages.AsNoTracking()
                          join c in db.Conversations.AsNoTracking() on m.ConversationId equals c.Id
                          where c.EnrolmentId == enrolmentId && c.Kind == kind
                          orderby m.CreatedUtc
                          select m).ToListAsync();
        });

    /// <summary>The program's sections in module order with the module number (for "Om:" references).</summary>
    public static Task<List<(int Module, string Id, string Title)>> SectionsAsync(this SiteFactory site) => site.WithScopeAsync(async sp =>
    {
        var program = (await sp.GetRequiredService<CurriculumLoader>().LoadAsync(latest: false))!;
        return program.Modules.SelectMany(m => m.Sections.Select(s => (m.Number, s.Id, s.Title))).ToList();
    });
}

/// <summary>A site whose background jobs stay quiet, so only the tests' own steps change anything.</summary>
public abstract class MessagingSite(DatabaseProvider provider) : SiteFactory(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forms:Reminders:Enabled"] = "false",
        ["Lifecycle:Enabled"] = "false",
    };
}

public sealed class SqliteMessagingSite() : MessagingSite(DatabaseProvider.Sqlite);

public sealed class PostgresMessagingSite() : MessagingSite(DatabaseProvider.Postgres);
