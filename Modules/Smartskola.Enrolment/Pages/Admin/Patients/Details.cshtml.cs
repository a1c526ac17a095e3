using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Patients;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Enrolments;
using Smartskola.Enrolment.Unlocking;
using Smartskola.Enrolment.Workspace;

namespace Smartskola.Enrolment.Pages.Admin.Patients;

/// <summary>One enrolment: the patient, settings, module-by-module progress, timeline, and the clinician's actions.</summary>
[RequirePermission(EnrolmentPermissions.ManagePatients)]
public sealed partial class DetailsModel(
    EnrolmentAccessGuard guard,
    EnrolmentActions actions,
    EnrolmentDbContext db,
    CurriculumLoader curriculum,
    Progress.EnrolmentProgress progress,
    PersonnummerProtector personnummer,
    IStaffDirectory staff,
    ICareUnitDirectory units,
    TimeProvider clock,
    IEnumerable<IEnrolmentLinks> links,
    Microsoft.Extensions.Options.IOptions<SiteOptions> site) : PageModel
{
    /// <summary>Other modules' pages about this enrolment (forms, messages).</summary>
    public IReadOnlyList<EnrolmentLink> Links { get; private set; } = [];

    public ProgramEnrolment Enrolment { get; private set; } = null!;

    public Data.Patient Patient { get; private set; } = null!;

    public string Personnummer { get; private set; } = string.Empty;

    public CurriculumProgram? Program { get; private set; }

    public Progress.EnrolmentProgressView? Progress { get; private set; }

    public IReadOnlyList<Progress.TimelineEntry> Timeline { get; private set; } = [];

    public const int TimelineLength = 100;

    public string ClinicianName { get; private set; } = string.Empty;

    public string UnitName { get; private set; } = string.Empty;

    public IReadOnlyList<(StaffMember Clinician, CareUnitInfo Unit)> TransferTargets { get; private set; } = [];

    public Invitation? LatestInvitation { get; private set; }

    public int DaysRunning => Math.Max(0, (Enrolment.EndedUtc is { } ended ? DateOnly.FromDateTime(SwedishTime.ToLocal(ended))
        : SwedishTime.Today(clock)).DayNumber - Enrolment.StartDate.DayNumber);

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public int RecommendedDays => Program?.RecommendedDays ?? 365;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>A new invitation link, shown once right after it was made.</summary>
    public string? NewInvitationLink { get; private set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public EnrolInput Input { get; set; } = new();

    [BindProperty]
    public DateOnly? PlannedEnd { get; set; }

    [BindProperty]
    public Guid TransferTo { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) =>
        await LoadAsync(id, "patient.view") ? Page() : NotFound();

    public Task<IActionResult> OnPostModuleAsync(Guid id, string moduleId, bool open) =>
        ActAsync(id, () => actions.SetModuleAsync(User, id, Version, moduleId, open), open ? "Modulen är öppnad." : "Modulen är låst.");

    public Task<IActionResult> OnPostPolicyAsync(Guid id) =>
        ActAsync(id, () => actions.ChangePolicyAsync(User, id, Version, new UnlockPolicy(Input.Policy, Input.InitialModules, Input.IntervalDays)),
            "Upplåsningen är ändrad.");

    public Task<IActionResult> OnPostWelcomeAsync(Guid id) =>
        ActAsync(id, () => actions.SetWelcomeAsync(User, id, Version, Input.WelcomeText), "Välkomsttexten är sparad.");

    public Task<IActionResult> OnPostMaintenanceAsync(Guid id, bool on) =>
        ActAsync(id, () => actions.SetMaintenanceAsync(User, id, Version, on),
            on ? "Programmet är i vidmakthållandeläge: patienten kan läsa, påminnelser skickas inte." : "Programmet är aktivt igen.");

    public Task<IActionResult> OnPostExtendAsync(Guid id) =>
        ActAsync(id, () => PlannedEnd is { } end ? actions.ExtendAsync(User, id, Version, end)
            : Task.FromResult(new ChangeOutcome().Error(nameof(PlannedEnd), "Ange ett nytt slutdatum.")), "Slutdatumet är ändrat.");

    public Task<IActionResult> OnPostEndAsync(Guid id) =>
        ActAsync(id, () => actions.EndAsync(User, id, Version), "Programmet är avslutat. Patienten kan inte längre läsa programmet.");

    public Task<IActionResult> OnPostTransferAsync(Guid id) =>
        ActAsync(id, async () =>
        {
            var target = (await TargetsAsync()).FirstOrDefault(t => t.Clinician.Id == TransferTo);
            return target.Clinician is null
                ? new ChangeOutcome().Error(nameof(TransferTo), "Välj en behandlare att flytta patienten till.")
                : await actions.TransferAsync(User, id, Version, target.Unit.Id, target.Clinician.Id);
        }, "Patienten är flyttad.", afterTransfer: true);

    public async Task<IActionResult> OnPostInvitationAsync(Guid id)
    {
        var (outcome, link, mailed) = await actions.NewInvitationAsync(User, id, Version, site.Value.BaseUrl(Request));
        if (!outcome.Succeeded)
        {
            return await RefuseAsync(id, outcome);
        }

        if (!await LoadAsync(id, "patient.view"))
        {
            return NotFound();
        }

        NewInvitationLink = link;
        StatusMessage = mailed ? "En ny inbjudan har skickats med e-post. Tidigare länkar fungerar inte längre." : "En ny inbjudningslänk är skapad. Tidigare länkar fungerar inte längre.";
        return Page();
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<ChangeOutcome>> act, string success, bool afterTransfer = false)
    {
        if (!ModelState.IsValid)
        {
            // A value that could not be read (a date or number typed wrong): say so instead of saving a default.
            return await RefuseAsync(id, new ChangeOutcome());
        }

        var outcome = await act();
        if (!outcome.Succeeded)
        {
            return await RefuseAsync(id, outcome);
        }

        StatusMessage = success;
        // Moved to a unit the clinician is not in: the patient is no longer theirs to see.
        var stillVisible = !afterTransfer || await db.Enrolments.AnyAsync(e => e.Id == id && User.CareUnitIds().Contains(e.CareUnitId));
        return stillVisible ? RedirectToPage(new { id }) : Redirect("/admin/patienter");
    }

    private async Task<IActionResult> RefuseAsync(Guid id, ChangeOutcome outcome)
    {
        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        var typed = (Input, PlannedEnd);
        if (!await LoadAsync(id, "patient.view"))
        {
            return NotFound();
        }

        // Show what the clinician typed, not the saved values, so a refused change is not lost.
        (Input, PlannedEnd) = typed;
        Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, string auditAction)
    {
        if (await guard.OpenAsync(User, id, auditAction, HttpContext.RequestAborted) is not { } found)
        {
            return false;
        }

        (Enrolment, Patient) = found;
        Personnummer = Patient.PersonnummerCipher.Length > 0 ? personnummer.Unprotect(Patient.PersonnummerCipher).ToString() : string.Empty;
        Program = await curriculum.LoadAsync(latest: false);
        Progress = await progress.LoadAsync(Enrolment, HttpContext.RequestAborted);
        Timeline = await progress.TimelineAsync(id, TimelineLength, HttpContext.RequestAborted);
        ClinicianName = (await staff.FindAsync([Enrolment.ClinicianId])).GetValueOrDefault(Enrolment.ClinicianId)?.DisplayName ?? "–";
        UnitName = (await units.ListAsync()).FirstOrDefault(u => u.Id == Enrolment.CareUnitId)?.Name ?? "–";
        TransferTargets = await TargetsAsync();
        var moduleLinks = new List<EnrolmentLink>();
        foreach (var source in links)
        {
            moduleLinks.AddRange(await source.ForEnrolmentAsync(Enrolment, HttpContext.RequestAborted));
        }

        Links = moduleLinks;
        LatestInvitation = await db.Invitations.AsNoTracking().Where(i => i.EnrolmentId == id).OrderByDescending(i => i.CreatedUtc).FirstOrDefaultAsync();
        Version = Enrolment.Version;
        ModelState.Remove(nameof(Version));
        Input = new EnrolInput
        {
            Policy = Enrolment.Policy, InitialModules = Math.Max(1, Enrolment.InitialModules), IntervalDays = Math.Max(1, Enrolment.IntervalDays),
            WelcomeText = Enrolment.WelcomeText,
        };
        PlannedEnd ??= Enrolment.PlannedEndDate;
        return true;
    }

    /// <summary>Clinicians of every unit: a transfer may go to another unit.</summary>
    private async Task<IReadOnlyList<(StaffMember Clinician, CareUnitInfo Unit)>> TargetsAsync() => await staff.ListAsync(await units.ListAsync());
}
