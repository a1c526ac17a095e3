using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Enrolment;
using Smartskola.Enrolment.Workspace;
using Smartskola.Forms.FollowUp;

namespace Smartskola.Forms.Pages.Admin.FollowUp;

/// <summary>The clinician's forms page of one enrolment: every assignment and answer, and the scores over time.</summary>
[RequirePermission(EnrolmentPermissions.ManagePatients)]
public sealed class PatientModel(EnrolmentAccessGuard guard, EnrolmentForms forms, TimeProvider clock) : PageModel
{
    public Guid EnrolmentId { get; private set; }

    public string PatientName { get; private set; } = string.Empty;

    public IReadOnlyList<EnrolmentAssignmentRow> Assignments { get; private set; } = [];

    public IReadOnlyList<TemplateScores> Scores { get; private set; } = [];

    public DateOnly Today => SwedishTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId)
    {
        if (await guard.OpenAsync(User, enrolmentId, "patient.answers.view", HttpContext.RequestAborted) is not { } opened)
        {
            return NotFound();
        }

        EnrolmentId = enrolmentId;
        PatientName = opened.Patient.FullName;
        Assignments = await forms.AssignmentsAsync(enrolmentId, HttpContext.RequestAborted);
        Scores = await forms.ScoresAsync(enrolmentId, HttpContext.RequestAborted);
        return Page();
    }
}
