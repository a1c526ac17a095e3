using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Dispatch;

public enum RecipientKind
{
    Patient = 0,
    List = 1,
    AllActive = 2,
}

/// <summary>What the clinician filled in on the new-dispatch page.</summary>
public sealed class DispatchInput
{
    public Guid UnitId { get; set; }

    public string TemplateId { get; set; } = string.Empty;

    public RecipientKind Recipients { get; set; }

    public Guid? EnrolmentId { get; set; }

    public Guid? ListId { get; set; }

    /// <summary>All active: include enrolments in maintenance too.</summary>
    public bool IncludeMaintenance { get; set; }

    /// <summary>All active: only those whose responsible clinician is me.</summary>
    public bool OnlyMine { get; set; }

    public int? DueDays { get; set; }

    public int Occasions { get; set; } = 1;

    public int IntervalDays { get; set; } = 1;

    public int? RemindDaysBefore { get; set; }

    public int? RemindDaysAfter { get; set; }
}

/// <summary>The outcome: the new dispatch, or Swedish messages by field.</summary>
public sealed record DispatchResult(Guid? DispatchId, IReadOnlyDictionary<string, string> Errors, int Recipients = 0)
{
    public bool Ok => DispatchId is not null;
}

/// <summary>
/// Creates dispatches: one transaction writes the <see cref="FormDispatch"/>, one <see cref="FormAssignment"/> per
/// recipient and occasion, and the "new form" mail for the occasions available today (later occasions are notified
/// by <see cref="FormReminderJob"/> when they open).
/// </summary>
public sealed class DispatchService(FormsDbContext db, EnrolmentDbContext enrolments, TemplateUse templates, FormNotices notices,
    SharedDbConnection connection, IAuditLog audit, TimeProvider clock)
{
    public const int MaxOccasions = 366;
    public const int MaxDays = 365;

    public async Task<DispatchResult> CreateAsync(ClaimsPrincipal user, DispatchInput input, string baseUrl,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (!user.IsMemberOfUnit(input.UnitId))
        {
            errors[nameof(input.UnitId)] = "Välj en av dina vårdenheter.";
            return new(null, errors);
        }

        Validate(input, errors);
        var check = await templates.CanDispatchAsync(input.TemplateId, input.UnitId, cancellationToken);
        if (!check.Ok)
        {
            errors[nameof(input.TemplateId)] = string.IsNullOrEmpty(input.TemplateId) ? "Välj ett formulär." : check.Refusal!;
        }

        var (recipients, text) = await RecipientsAsync(user, input, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var usable = check.Usable!;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(clock);
        var dispatch = new FormDispatch
        {
            Id = Guid.NewGuid(), TemplateId = usable.Template.ContentItemId, TemplateVersion = usable.Version.Version,
            UnitId = input.UnitId, CreatedBy = user.UserId() ?? Guid.Empty, CreatedByName = Truncate(user.DisplayName(), 200),
            CreatedUtc = now, RecipientsText = Truncate(text, 300), DueDays = input.DueDays, Occasions = input.Occasions,
            IntervalDays = input.IntervalDays, RemindDaysBefore = input.RemindDaysBefore, RemindDaysAfter = input.RemindDaysAfter,
        };
        var assignments = new List<(FormAssignment Assignment, string? Email)>();
        foreach (var (enrolmentId, email) in recipients)
        {
            for (var k = 0; k < input.Occasions; k++)
            {
                var available = today.AddDays(k * input.IntervalDays);
                assignments.Add((new FormAssignment
                {
                    Id = Guid.NewGuid(), DispatchId = dispatch.Id, EnrolmentId = enrolmentId, UnitId = input.UnitId,
                    TemplateId = dispatch.TemplateId, TemplateVersion = dispatch.TemplateVersion, AvailableOn = available,
                    DueOn = input.DueDays is { } due ? available.AddDays(due) : null, Status = AssignmentStatus.NotStarted, CreatedUtc = now,
                }, email));
            }
        }

        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            db.Dispatches.Add(dispatch);
            db.Assignments.AddRange(assignments.Select(a => a.Assignment));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (assignment, _) in assignments.Where(a => a.Assignment.AvailableOn <= today))
            {
                await notices.QueueAsync(assignment.EnrolmentId, assignment.Id, FormNotices.NewForm, assignment.AvailableOn.ToString("yyyy-MM-dd"), baseUrl,
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await audit.WriteAsync(new AuditEvent("forms.dispatch.create", "FormDispatch", dispatch.Id.ToString()) { UnitId = input.UnitId },
            cancellationToken);
        return new(dispatch.Id, errors, recipients.Count);
    }

    /// <summary>The unit's enrolments that give access (active or maintenance), with the patient's name, for pickers.</summary>
    public async Task<IReadOnlyList<(Guid EnrolmentId, string Name, string Masked)>> ActiveEnrolmentsAsync(Guid unitId,
        CancellationToken cancellationToken = default)
    {
        var rows = await (from e in enrolments.Enrolments.AsNoTracking()
                          join p in enrolments.Patients.AsNoTracking() on e.PatientId equals p.Id
                          where e.CareUnitId == unitId && (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance)
                          select new { e.Id, p.GivenName, p.FamilyName, p.PersonnummerMasked }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, $"{r.GivenName} {r.FamilyName}".Trim(), r.PersonnummerMasked))
            .OrderBy(r => r.Item2, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)).ToList();
    }

    private static void Validate(DispatchInput input, Dictionary<string, string> errors)
    {
        if (input.DueDays is < 0 or > MaxDays)
        {
            errors[nameof(input.DueDays)] = $"Svarstiden ska vara 0–{MaxDays} dagar.";
        }

        if (input.Occasions is < 1 or > MaxOccasions)
        {
            errors[nameof(input.Occasions)] = $"Antal tillfällen ska vara 1–{MaxOccasions}.";
        }

        if (input.IntervalDays is < 1 or > MaxDays)
        {
            errors[nameof(input.IntervalDays)] = $"Dagar mellan tillfällena ska vara 1–{MaxDays}.";
        }

        if (input.RemindDaysBefore is < 0 or > MaxDays || input.RemindDaysAfter is < 0 or > MaxDays)
        {
            errors[nameof(input.RemindDaysBefore)] = $"Påminnelsen ska vara 0–{MaxDays} dagar.";
        }
        else if ((input.RemindDaysBefore is not null || input.RemindDaysAfter is not null) && input.DueDays is null)
        {
            errors[nameof(input.RemindDaysBefore)] = "Påminnelser kräver en svarstid.";
        }
    }

    private async Task<(IReadOnlyList<(Guid EnrolmentId, string? Email)> Recipients, string Text)> RecipientsAsync(ClaimsPrincipal user,
        DispatchInput input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var query = from e in enrolments.Enrolments.AsNoTracking()
                    join p in enrolments.Patients.AsNoTracking() on e.PatientId equals p.Id
                    where e.CareUnitId == input.UnitId
                    select new { e, p };
        string text;
        switch (input.Recipients)
        {
            case RecipientKind.Patient:
                query = query.Where(x => x.e.Id == input.EnrolmentId
                    && (x.e.Status == EnrolmentStatus.Active || x.e.Status == EnrolmentStatus.Maintenance));
                text = string.Empty;
                break;
            case RecipientKind.List:
                var list = await db.RecipientLists.AsNoTracking()
                    .FirstOrDefaultAsync(l => l.Id == input.ListId && l.UnitId == input.UnitId, cancellationToken);
                if (list is null)
                {
                    errors[nameof(input.ListId)] = "Välj en mottagarlista.";
                    return ([], string.Empty);
                }

                var members = await db.RecipientListMembers.AsNoTracking().Where(m => m.ListId == list.Id).Select(m => m.EnrolmentId)
                    .ToListAsync(cancellationToken);
                query = query.Where(x => members.Contains(x.e.Id)
                    && (x.e.Status == EnrolmentStatus.Active || x.e.Status == EnrolmentStatus.Maintenance));
                text = $"Lista: {list.Name}";
                break;
            default:
                query = input.IncludeMaintenance
                    ? query.Where(x => x.e.Status == EnrolmentStatus.Active || x.e.Status == EnrolmentStatus.Maintenance)
                    : query.Where(x => x.e.Status == EnrolmentStatus.Active);
                var me = user.UserId() ?? Guid.Empty;
                if (input.OnlyMine)
                {
                    query = query.Where(x => x.e.ClinicianId == me);
                }

                text = (input.OnlyMine ? "Mina patienter" : "Alla") + (input.IncludeMaintenance ? " (aktiva och vidmakthållande)" : " (aktiva)");
                break;
        }

        var found = await query.Select(x => new { x.e.Id, x.p.GivenName, x.p.FamilyName, x.p.Email }).ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            errors[nameof(input.Recipients)] = input.Recipients == RecipientKind.Patient
                ? "Välj en patient med pågående program på vårdenheten." : "Det finns inga mottagare som matchar valet.";
            return ([], string.Empty);
        }

        if (input.Recipients == RecipientKind.Patient)
        {
            text = $"{found[0].GivenName} {found[0].FamilyName}".Trim();
        }

        return (found.Select(f => (f.Id, f.Email)).ToList(), text);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
