using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Patients;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Workspace;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Enrolment;

/// <summary>"Mina patienter" puts the patients who need attention first, in the documented order.</summary>
public abstract class TriageTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : TriageSite
{
    [Fact]
    public async Task Patients_come_out_in_the_documented_triage_order_with_counts_and_filters()
    {
        var clinicianEmail = await site.CreateUserAsync(Roles.Clinician, "rehab-norra");
        var unit = await site.UnitIdAsync("rehab-norra");
        var clinicianId = await site.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<Smartskola.Core.Accounts.IStaffDirectory>().FindByEmailAsync(clinicianEmail))!.Id);
        var today = SwedishTime.Today(site.Clock);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        // name, status, last active (days ago, null = never), start (days ago), planned end (days from today)
        var seeds = new (string Name, EnrolmentStatus Status, int? ActiveDaysAgo, int StartDaysAgo, int EndsInDays)[]
        {
            ("Dag Daglig", EnrolmentStatus.Active, 0, 40, 300),
            ("Bo Borta", EnrolmentStatus.Active, 10, 40, 300),
            ("Ada Allraborta", EnrolmentStatus.Active, 20, 40, 300),
            ("Cia Slutar", EnrolmentStatus.Active, 1, 340, 5),
            ("Eva Vidmakt", EnrolmentStatus.Maintenance, 30, 200, 160),
            ("Nils Nyinskriven", EnrolmentStatus.Active, null, 9, 356),
            ("Fia Skrivit", EnrolmentStatus.Active, 2, 40, 300),
        };
        var ids = new Dictionary<string, Guid>();
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            var protector = sp.GetRequiredService<PersonnummerProtector>();
            var program = (await sp.GetRequiredService<CurriculumLoader>().LoadAsync(latest: false))!;
            foreach (var seed in seeds)
            {
                var number = Personnummer.FromNormalized(TestPersonnummer.Next().Replace("-", string.Empty, StringComparison.Ordinal));
                var patient = new Patient
                {
                    Id = Guid.NewGuid(), GivenName = seed.Name.Split(' ')[0], FamilyName = seed.Name.Split(' ')[1],
                    PersonnummerCipher = protector.Protect(number), PersonnummerHash = protector.LookupHash(number), PersonnummerMasked = number.Masked,
                    CareUnitId = unit, UserId = seed.ActiveDaysAgo is null ? null : Guid.NewGuid(), CreatedUtc = now, Version = Guid.NewGuid(),
                };
                var enrolment = new ProgramEnrolment
                {
                    Id = Guid.NewGuid(), PatientId = patient.Id, ProgramId = program.Item.ContentItemId, CareUnitId = unit, ClinicianId = clinicianId,
                    StartDate = today.AddDays(-seed.StartDaysAgo), PlannedEndDate = today.AddDays(seed.EndsInDays), Status = seed.Status,
                    LastActiveUtc = seed.ActiveDaysAgo is { } days ? now.AddDays(-days) : null, CreatedUtc = now, Version = Guid.NewGuid(),
                };
                db.Patients.Add(patient);
                db.Enrolments.Add(enrolment);
                ids[seed.Name] = enrolment.Id;
            }

            return await db.SaveChangesAsync();
        });
        site.Signals.Unread[ids["Fia Skrivit"]] = new TriageSignal(2, now.AddDays(-2), 0);

        using var clinician = await SignedInAsync(site, clinicianEmail);
        var list = await clinician.GetPageAsync("/admin/patienter");
        var names = list.Document.QuerySelectorAll("[data-testid=patient-link]").Select(a => a.TextContent).ToList();
        // Unread first; then inactive longest first (never signed in counts from the start); ending soon; the rest,
        // least recently active first (maintenance is never flagged as inactive).
        Assert.Equal(["Fia Skrivit", "Ada Allraborta", "Bo Borta", "Nils Nyinskriven", "Cia Slutar", "Eva Vidmakt", "Dag Daglig"], names);
        var first = list.Document.QuerySelectorAll("[data-testid=triage-row]").First();
        Assert.Equal("2 olästa meddelanden", first.QuerySelector("[data-testid=reason]")!.TextContent);
        Assert.Contains("Inte inloggad ännu (9 dagar)", list.Text("[data-testid=triage-list]"));
        Assert.Equal("Inaktiva (3)", list.Text("[data-testid=count-Inactive]"));
        Assert.Equal("Slutar snart (1)", list.Text("[data-testid=count-EndingSoon]"));

        var inactive = await clinician.GetPageAsync("/admin/patienter?visa=mina&orsak=Inactive");
        Assert.Equal(["Ada Allraborta", "Bo Borta", "Nils Nyinskriven"],
            inactive.Document.QuerySelectorAll("[data-testid=patient-link]").Select(a => a.TextContent).ToList());
    }
}

/// <summary>Stands in for the messaging module (not built yet): unread counts per enrolment, set by the test.</summary>
public sealed class FakeMessageSignals : ITriageSignals
{
    public Dictionary<Guid, TriageSignal> Unread { get; } = [];

    public Task<IReadOnlyDictionary<Guid, TriageSignal>> ForUnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, TriageSignal>>(new Dictionary<Guid, TriageSignal>(Unread));
}

public abstract class TriageSite(DatabaseProvider provider) : SiteFactory(provider)
{
    public FakeMessageSignals Signals { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ITriageSignals>(Signals));
    }
}

public sealed class SqliteTriageSite() : TriageSite(DatabaseProvider.Sqlite);

public sealed class PostgresTriageSite() : TriageSite(DatabaseProvider.Postgres);

public sealed class SqliteTriageTests(SqliteTriageSite site) : TriageTests<SqliteTriageSite>(site);

public sealed class PostgresTriageTests(PostgresTriageSite site) : TriageTests<PostgresTriageSite>(site);
