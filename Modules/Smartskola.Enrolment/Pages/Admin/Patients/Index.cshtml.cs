using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Accounts;
using Smartskola.Core.Audit;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Patients;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Workspace;

namespace Smartskola.Enrolment.Pages.Admin.Patients;

/// <summary>
/// "Mina patienter": the triage list of the clinician's units. Searching posts the form (names and personnummer
/// never go into the address); filters are plain links.
/// </summary>
[RequirePermission(EnrolmentPermissions.ManagePatients)]
public sealed class IndexModel(TriageList triage, IStaffDirectory staff, ICareUnitDirectory units, PersonnummerProtector personnummer,
    IAuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "visa")]
    public string Scope { get; set; } = "mina";

    [BindProperty(SupportsGet = true, Name = "orsak")]
    public TriageReason? Reason { get; set; }

    [BindProperty(SupportsGet = true, Name = "avslutade")]
    public bool Ended { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Search { get; set; }

    public TriageList.Result Result { get; private set; } = new([], new Dictionary<TriageReason, int>(), 0);

    public IReadOnlyDictionary<Guid, string> ClinicianNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<CareUnitInfo> Units { get; private set; } = [];

    public bool Searched { get; private set; }

    public IReadOnlyList<TriageRow> PageRows => Result.Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();

    public int PageCount => Math.Max(1, (Result.Rows.Count + PageSize - 1) / PageSize);

    public Task OnGetAsync() => LoadAsync(null, null);

    public async Task OnPostAsync()
    {
        Searched = !string.IsNullOrWhiteSpace(Search);
        var text = Search?.Trim();
        if (text is { Length: > 0 } && text.Any(char.IsDigit))
        {
            // Digits: a personnummer, matched exactly by its keyed hash (nothing else about it is searchable).
            if (personnummer.TryParse(text, out var number, out var error))
            {
                await LoadAsync(null, personnummer.LookupHash(number));
                return;
            }

            ModelState.AddModelError(nameof(Search), error);
            await LoadAsync(null, "-");
            return;
        }

        await LoadAsync(text is { Length: > 100 } ? text[..100] : text, null);
    }

    private async Task LoadAsync(string? name, string? hash)
    {
        PageNumber = Math.Max(1, PageNumber);
        var unitIds = User.CareUnitIds();
        Units = (await units.ListAsync()).Where(u => unitIds.Contains(u.Id)).ToList();
        var mine = Scope != "enheten" && name is null && hash is null;
        Result = await triage.LoadAsync(unitIds,
            new TriageFilter(mine ? User.UserId() : null, Reason, Ended, name, hash), HttpContext.RequestAborted);
        PageNumber = Math.Min(PageNumber, PageCount);
        ClinicianNames = (await staff.FindAsync(PageRows.Select(r => r.ClinicianId))).ToDictionary(p => p.Key, p => p.Value.DisplayName);
        if (!Searched)
        {
            await audit.WriteAsync(new AuditEvent("patient.list", "Enrolment"));
            return;
        }

        // A search names people: each hit is logged against that patient (it shows in their log extract).
        await audit.WriteAsync(new AuditEvent("patient.search", "Enrolment"));
        foreach (var row in Result.Rows.Take(PageSize))
        {
            await audit.WriteAsync(new AuditEvent("patient.search", "Enrolment", row.EnrolmentId.ToString())
                { SubjectPatientId = row.PatientId, UnitId = row.CareUnitId });
        }
    }

    public static string ReasonText(TriageReason reason) => reason switch
    {
        TriageReason.UnreadMessages => "Olästa meddelanden",
        TriageReason.Inactive => "Inaktiva",
        TriageReason.OverdueForms => "Försenade formulär",
        TriageReason.EndingSoon => "Slutar snart",
        _ => reason.ToString(),
    };

    public static string Badge(TriageRow row, TriageReason reason) => reason switch
    {
        TriageReason.UnreadMessages => $"{row.Signal.UnreadMessages} olästa meddelanden",
        TriageReason.Inactive => row.SignedUp ? $"Inaktiv {row.InactiveDays} dagar" : $"Inte inloggad ännu ({row.InactiveDays} dagar)",
        TriageReason.OverdueForms => $"{row.Signal.OverdueForms} försenade formulär",
        TriageReason.EndingSoon => row.DaysToEnd < 0 ? "Slutdatum passerat" : $"Slutar om {row.DaysToEnd} dagar",
        _ => string.Empty,
    };

    public string Link(string? scope = null, TriageReason? reason = null, bool? ended = null, int page = 1, bool clearReason = false)
    {
        var query = new List<string> { $"visa={scope ?? Scope}" };
        if (!clearReason && (reason ?? Reason) is { } r) query.Add($"orsak={r}");
        if (ended ?? Ended) query.Add("avslutade=true");
        if (page > 1) query.Add($"sida={page}");
        return "/admin/patienter?" + string.Join('&', query);
    }
}
